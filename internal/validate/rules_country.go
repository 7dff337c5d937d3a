package validate

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// euCodeExceptions lists the countries whose EU code differs from the ISO code.
var euCodeExceptions = map[string]string{"GR": "EL"}

// githubHandle is GitHub's rule for user names: letters, digits and single
// hyphens, not at either end, at most 39 characters.
var githubHandle = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`)

// country checks country.yaml against its folder, the clusters and GitHub.
func (c *checker) country(cn *model.Country) {
	f := c.usable(cn, plan.CountryFile)
	if f == nil {
		return
	}
	co := cn.Country
	if co.Code != cn.Code {
		c.errorf(f, "/code", RuleFolderName, "the code is %s but the folder is countries/%s; the folder must be named after the ISO code (rename one of them)", co.Code, cn.Code)
	}
	wantEU := co.Code
	if e, ok := euCodeExceptions[co.Code]; ok {
		wantEU = e
	}
	if co.EUCode != wantEU {
		if wantEU != co.Code {
			c.warnf(f, "/eu_code", RuleEUCode, "the EU code of %s is %s, not %s", co.Code, wantEU, co.EUCode)
		} else {
			c.warnf(f, "/eu_code", RuleEUCode, "the EU code %s differs from the ISO code %s; only Greece (GR, EU code EL) has a different EU code, so write %s", co.EUCode, co.Code, wantEU)
		}
	}
	c.placeholder(f, "/competent_authority/name", "the competent authority", co.CompetentAuthority.Name)
	c.countryCluster(cn, f)
	for i, m := range co.Maintainers {
		ptr := model.Pointer("maintainers", strconv.Itoa(i))
		switch {
		case strings.HasPrefix(m, "@") && githubHandle.MatchString(m[1:]):
			c.errorf(f, ptr, RuleMaintainer, "write the GitHub handle without the @: %s", m[1:])
		case !githubHandle.MatchString(m):
			c.errorf(f, ptr, RuleMaintainer, "%q is not a GitHub handle (letters, digits and single hyphens, at most 39 characters, not starting or ending with a hyphen)", m)
		}
	}
}

func (c *checker) countryCluster(cn *model.Country, f *model.File) {
	co := cn.Country
	cl := c.repo.Cluster(co.Cluster)
	if cl == nil {
		var ids []string
		for _, k := range c.repo.Clusters {
			ids = append(ids, k.ID)
		}
		c.errorf(f, "/cluster", RuleClusterExists, "there is no learning cluster %q (no file clusters/%s.yaml)%s", co.Cluster, co.Cluster, didYouMean(co.Cluster, ids))
		return
	}
	if cl.Cluster == nil || c.broken[cl.File.Path] {
		return
	}
	if !slices.Contains(cl.Cluster.Countries, cn.Code) {
		c.errorf(f, "/cluster", RuleClusterListsCountry, "cluster %s does not list %s among its countries; add %s to countries in %s, or correct the cluster here", cl.ID, cn.Code, cn.Code, cl.File.Path)
	}
}

// clusters checks every cluster file against the country folders.
func (c *checker) clusters() {
	for _, cl := range c.repo.Clusters {
		f := cl.File
		if f == nil || cl.Cluster == nil || c.broken[f.Path] {
			continue
		}
		if cl.Cluster.ID != cl.ID {
			c.errorf(f, "/id", RuleClusterID, "the id is %q but the file is %s; the id must match the file name (%s)", cl.Cluster.ID, f.Path, cl.ID)
		}
		for i, code := range cl.Cluster.Countries {
			ptr := model.Pointer("countries", strconv.Itoa(i))
			cn := c.repo.Country(code)
			if cn == nil {
				if c.broken[model.CountriesDir+"/"+code] {
					continue // there is something there; the loader said what is wrong with it
				}
				c.errorf(f, ptr, RuleClusterCountryFolder, "cluster %s lists %s, but there is no folder countries/%s; create it with `hwfplan new country %s --cluster %s`", cl.ID, code, code, code, cl.ID)
				continue
			}
			if c.usable(cn, plan.CountryFile) == nil {
				continue
			}
			if own := cn.Country.Cluster; own != cl.ID {
				c.errorf(f, ptr, RuleClusterMembership, "%s is listed in cluster %s, but %s puts it in cluster %s; a country belongs to one cluster", code, cl.ID, cn.Files[plan.CountryFile].Path, own)
			}
		}
	}
}
