package config

// These tests keep docker-compose.yml honest about the binary's settings.
// The YAML parser is goccy/go-yaml because go.mod already has it (gqlgen's);
// gopkg.in/yaml.v3 would do equally (same Unmarshal) once go.mod requires it.

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// composeFile is the part of docker-compose.yml these tests read.
type composeFile struct {
	Services map[string]struct {
		// Environment is either a map (KEY: value) or a list ("KEY=value").
		// Decoded as any, so yaml merges (<<: *anchor) arrive resolved.
		Environment any `yaml:"environment"`
		// DependsOn is either a list of names or a map of name to condition.
		DependsOn any `yaml:"depends_on"`
	} `yaml:"services"`
}

func loadCompose(t *testing.T) composeFile {
	t.Helper()
	data, err := os.ReadFile("../docker-compose.yml")
	if err != nil {
		t.Fatalf("reading the compose file: %v", err)
	}
	var c composeFile
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf("parsing ../docker-compose.yml: %v", err)
	}
	return c
}

// names returns the keys of a map or the items of a list; for list items of
// the form KEY=value, the part before "=". Anything else gives ok == false.
func names(v any) (out []string, ok bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case map[string]any:
		for k := range v {
			out = append(out, k)
		}
		sort.Strings(out)
		return out, true
	case []any:
		for _, item := range v {
			s, isString := item.(string)
			if !isString {
				return nil, false
			}
			key, _, _ := strings.Cut(s, "=")
			out = append(out, key)
		}
		return out, true
	}
	return nil, false
}

// Every TOCSIN_* variable the compose file sets must be one the binary reads,
// or a typo would silently fall back to a default (localhost, in a container).
func TestComposeSetsOnlyKnownVariables(t *testing.T) {
	known := map[string]bool{}
	for _, v := range Vars {
		known[v.Env] = true
	}
	c := loadCompose(t)
	svcNames := make([]string, 0, len(c.Services))
	for name := range c.Services {
		svcNames = append(svcNames, name)
	}
	sort.Strings(svcNames)
	for _, name := range svcNames {
		keys, ok := names(c.Services[name].Environment)
		if !ok {
			t.Errorf("service %s: environment is neither a map nor a list of KEY=value", name)
			continue
		}
		for _, key := range keys {
			if strings.HasPrefix(key, "TOCSIN_") && !known[key] {
				t.Errorf("service %s sets %s, which is not in config.Vars (config/config.go)", name, key)
			}
		}
	}
}

func TestComposeHasTheServices(t *testing.T) {
	c := loadCompose(t)
	for _, want := range []string{"postgres", "redis", "mailpit", "tocsin-serve", "tocsin-worker"} {
		if _, ok := c.Services[want]; !ok {
			t.Errorf("docker-compose.yml has no service %q", want)
		}
	}
	for name, svc := range c.Services {
		deps, ok := names(svc.DependsOn)
		if !ok {
			t.Errorf("service %s: depends_on is neither a map nor a list of names", name)
		}
		for _, dep := range deps {
			if _, ok := c.Services[dep]; !ok {
				t.Errorf("service %s depends on %q, which is not a service", name, dep)
			}
		}
	}
}

// The helper must see what yaml merges (<<: *anchor) bring in, and both forms
// of environment; otherwise the checks above would pass vacuously.
func TestComposeEnvironmentForms(t *testing.T) {
	const doc = `
x-base: &base
  environment: &env
    TOCSIN_REDIS_URL: redis://redis:6379/0
services:
  a:
    <<: *base
  b:
    environment:
      <<: *env
      TOCSIN_HTTP_ADDR: ":8080"
  c:
    environment:
      - TOCSIN_BASE_URL=http://localhost:8080
      - OTHER
`
	var c composeFile
	if err := yaml.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for name, svc := range c.Services {
		got[name], _ = names(svc.Environment)
	}
	want := map[string][]string{
		"a": {"TOCSIN_REDIS_URL"},
		"b": {"TOCSIN_HTTP_ADDR", "TOCSIN_REDIS_URL"},
		"c": {"TOCSIN_BASE_URL", "OTHER"},
	}
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("service %s: environment names %v, want %v", name, got[name], w)
		}
	}
}

// A secret written in the compose file is a published secret: the action
// links' secret is generated on first start (auth.SharedSecret) unless the
// operator passes their own through the environment (${…}).
func TestComposePublishesNoActionSecret(t *testing.T) {
	c := loadCompose(t)
	for name, svc := range c.Services {
		var value any
		switch env := svc.Environment.(type) {
		case map[string]any:
			value = env["TOCSIN_ACTION_SECRET"]
		case []any:
			for _, item := range env {
				if s, _ := item.(string); strings.HasPrefix(s, "TOCSIN_ACTION_SECRET=") {
					value = strings.TrimPrefix(s, "TOCSIN_ACTION_SECRET=")
				}
			}
		}
		if s, _ := value.(string); value != nil && !strings.HasPrefix(s, "${") {
			t.Errorf("service %s sets TOCSIN_ACTION_SECRET to a fixed value in a public file: %v", name, value)
		}
	}
}
