package editor

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
)

// A form in another language: the framework's texts (tasks, items, score
// levels, scales) from its translation, schema/framework.<lang>.yaml, and the
// engine's own words (the plan fields' labels and help, the coded values'
// words) from the site's message bundle of the language, site/i18n/<lang>.yaml,
// ids MessagePrefix + MessageID(english). The English stays where it is
// written (the plan types, package schema, plan/words.go); a bundle carries
// only its translation, and a text it does not give stays English. The checks'
// messages and the change summary stay English: they are hwfplan's words for
// the maintainers, the same as `hwfplan validate` and `hwfplan diff`.

// MessagePrefix begins the id of every message of the form's words.
const MessagePrefix = "edit.form."

// The messages that put framework text into the engine's words. Their English
// is the schema's (package schema, the option labels below); a test checks
// that each, filled in with the English framework, gives it exactly.
const (
	// msgTask names a framework task: "Task 1. Optimize planning data and sources".
	msgTask = MessagePrefix + "fw.task"
	// msgTaskHelp is a task choice's help: "Framework task: data = ...; models = ...".
	msgTaskHelp = MessagePrefix + "fw.task_help"
	// msgDataElement is a minimum data set element's help.
	msgDataElement = MessagePrefix + "fw.data_element_help"
)

// maxMessageID bounds the part of a message id made from its English.
const maxMessageID = 48

// MessageID is the id of the message that translates an English text of the
// engine's own (a label, a help, a coded value's words): MessagePrefix and the
// text's first words in lower case, joined by "_" ("Assessment date" →
// "edit.form.assessment_date").
func MessageID(english string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(english) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	s := b.String()
	if len(s) > maxMessageID {
		s = s[:maxMessageID]
		if i := strings.LastIndexByte(s, '_'); i > 0 {
			s = s[:i]
		}
	}
	return MessagePrefix + s
}

// locale is the language of a session's forms.
type locale struct {
	lang string
	tr   *framework.Translation
	msgs map[string]string
	fw   *framework.Framework // the framework localized, for fwOf
	of   *framework.Framework // the English framework fw was made from
}

// Localize makes the session's forms speak a language: lang (ISO 639-1, "hu"),
// the text of the framework's translation into it (schema/framework.<lang>.yaml;
// empty keeps the framework English) and the form's messages of the language
// by id (MessagePrefix ...). "en" or "" with no messages is English again.
// It holds across later Loads; the checks and the change summary stay English.
func (s *Session) Localize(lang, frameworkText string, msgs map[string]string) error {
	if lang == "" || lang == "en" {
		if frameworkText != "" || len(msgs) > 0 {
			return errors.New("the forms speak English of their own: English takes no translation or messages")
		}
		s.loc = nil
		return nil
	}
	if int64(len(frameworkText)) > load.MaxFileSize {
		return fmt.Errorf("the framework's translation is %d bytes, over the limit of %d", len(frameworkText), load.MaxFileSize)
	}
	loc := &locale{lang: lang, msgs: map[string]string{}}
	for id, m := range msgs {
		if strings.HasPrefix(id, MessagePrefix) && strings.TrimSpace(m) != "" {
			loc.msgs[id] = m
		}
	}
	if frameworkText != "" {
		if s.origRepo == nil {
			return errors.New("no files loaded yet: load the files, then the language")
		}
		p := framework.TranslationPath(lang)
		f, ds := load.Parse(p, []byte(frameworkText))
		if f == nil || f.Node == nil {
			for _, d := range ds {
				if d.Severity == diag.Error {
					return fmt.Errorf("the framework's translation cannot be read: %s", d)
				}
			}
			return fmt.Errorf("the framework's translation %s cannot be read", p)
		}
		tr, _ := s.frameworkOf().ParseTranslation(p, f.Node, "")
		if tr == nil {
			return fmt.Errorf("%s is not a translation of the framework", p)
		}
		loc.tr = tr
	}
	s.loc = loc
	return nil
}

// formFramework is the framework the forms speak: the loaded one, in the
// session's language where its translation gives a text.
func (s *Session) formFramework() *framework.Framework {
	fw := s.frameworkOf()
	if s.loc == nil || s.loc.tr == nil {
		return fw
	}
	if s.loc.of != fw {
		s.loc.fw, _ = fw.Localized(s.loc.tr)
		s.loc.of = fw
	}
	return s.loc.fw
}

// formWords returns the session's translator of the form's words (nil in English).
func (s *Session) formWords() *translator {
	if s.loc == nil {
		return nil
	}
	return &translator{msgs: s.loc.msgs}
}

// translator turns the engine's English words into a language's; its zero
// value and nil leave them English. Record, when set, sees every English text
// asked for (the test that keeps the English bundle complete).
type translator struct {
	msgs   map[string]string
	record func(id, english string)
}

// text returns english's translation, or english.
func (t *translator) text(english string) string {
	if t == nil || english == "" {
		return english
	}
	id := MessageID(english)
	if t.record != nil {
		t.record(id, english)
	}
	if m, ok := t.msgs[id]; ok {
		return m
	}
	return english
}

// fill returns the message id with its placeholders ("{n}") replaced in
// order of args (name, value, name, value ...), or ok false when the
// language's bundle does not give it (the schema's text is kept then).
func (t *translator) fill(id string, args ...string) (string, bool) {
	if t == nil {
		return "", false
	}
	m, ok := t.msgs[id]
	if !ok {
		return "", false
	}
	for i := 0; i+1 < len(args); i += 2 {
		m = strings.ReplaceAll(m, "{"+args[i]+"}", args[i+1])
	}
	return m, true
}
