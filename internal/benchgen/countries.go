package benchgen

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/hwfplan/hwfplan/internal/plan"
	"go.yaml.in/yaml/v3"
)

// heroes are the 19 HEROES countries by cluster, as in the real repository.
var heroes = []struct {
	cluster, name string
	countries     []string
}{
	{"wp5", "WP5 learning cluster", []string{"IT", "GR", "NO", "PT", "ES", "SE"}},
	{"wp6", "WP6 learning cluster", []string{"HR", "HU", "LT", "PL", "RO", "SI"}},
	{"wp7", "WP7 learning cluster", []string{"BE", "CZ", "EE", "DE", "MT", "NL", "SK"}},
}

var heroesNames = map[string]string{
	"IT": "Italy", "GR": "Greece", "NO": "Norway", "PT": "Portugal", "ES": "Spain", "SE": "Sweden",
	"HR": "Croatia", "HU": "Hungary", "LT": "Lithuania", "PL": "Poland", "RO": "Romania", "SI": "Slovenia",
	"BE": "Belgium", "CZ": "Czechia", "EE": "Estonia", "DE": "Germany", "MT": "Malta", "NL": "Netherlands", "SK": "Slovakia",
}

// heroesCodes lists the HEROES countries in the order of heroes.
func heroesCodes() []string {
	var codes []string
	for _, cl := range heroes {
		codes = append(codes, cl.countries...)
	}
	return codes
}

// countryCodes returns n distinct codes: the HEROES countries first, then AA, AB, ...
func countryCodes(n int) []string {
	codes := heroesCodes()
	if n <= len(codes) {
		return codes[:n]
	}
	for a := 'A'; a <= 'Z' && len(codes) < n; a++ {
		for b := 'A'; b <= 'Z' && len(codes) < n; b++ {
			c := string([]rune{a, b})
			if !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
	}
	return codes
}

// cluster is clusters/<id>.yaml.
type cluster struct{ plan.Cluster }

func (c *cluster) path() string { return "clusters/" + c.ID + ".yaml" }

func (c *cluster) yaml() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# yaml-language-server: $schema=../schema/cluster.schema.json\n")
	if err := writeYAML(&b, c.Cluster); err != nil {
		return nil, fmt.Errorf("failed to write %s: %w", c.path(), err)
	}
	return b.Bytes(), nil
}

// makeClusters puts the HEROES countries in their clusters and the others in
// synthetic clusters of 4 to 9 countries (sizes differ, as they do in HEROES).
func (g *generator) makeClusters(codes []string) []*cluster {
	var out []*cluster
	n := 0
	for _, h := range heroes {
		var members []string
		for _, c := range h.countries {
			if n < len(codes) && codes[n] == c {
				members = append(members, c)
				n++
			}
		}
		if len(members) == 0 {
			break
		}
		wp := "WP" + h.cluster[2:]
		out = append(out, &cluster{plan.Cluster{ID: h.cluster, Name: h.name, WorkPackage: wp,
			Description: "Learning cluster " + wp + ".", Countries: members}})
	}
	for i := 1; n < len(codes); i++ {
		size := min(4+g.rng.IntN(6), len(codes)-n)
		id := fmt.Sprintf("r%03d", i)
		out = append(out, &cluster{plan.Cluster{ID: id, Name: fmt.Sprintf("Regional cluster %d", i),
			Description: "Synthetic learning cluster for benchmarks.", Lead: codes[n], Countries: slices.Clone(codes[n : n+size])}})
		n += size
	}
	return out
}

// writeYAML appends v as YAML indented by two spaces.
func writeYAML(b *bytes.Buffer, v any) error {
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}
