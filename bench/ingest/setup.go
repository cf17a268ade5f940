package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// unthrottled is the per-minute rate and burst of the benchmark's
// integration: far above anything one machine can send, so the limiter
// never answers 429 (it still runs, as it does for every request).
const unthrottled = 10_000_000

// createIntegration signs in as the admin, finds (or creates) the service
// and creates an OPSGENIE integration on it; it returns the key.
func createIntegration(ctx context.Context, o options) (string, error) {
	g := &graphql{url: o.url + "/graphql"}
	var login struct {
		Login struct{ Token string }
	}
	if err := g.do(ctx, `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`,
		map[string]any{"e": o.email, "p": o.password}, &login); err != nil {
		return "", fmt.Errorf("signing in as %s: %w", o.email, err)
	}
	g.token = login.Login.Token

	var found struct {
		Services struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
		Teams struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	// The service gets a team of its own, without schedules: each alert's
	// first escalation step runs and pages nobody, so the paging engine's
	// work is in the figures and no provider's.
	if err := g.do(ctx, `query($n:String!){services(first:1,where:{name:$n}){edges{node{id name}}} teams(first:1,where:{name:$n}){edges{node{id}}}}`,
		map[string]any{"n": o.service}, &found); err != nil {
		return "", err
	}
	var serviceID string
	if len(found.Services.Edges) > 0 {
		serviceID = found.Services.Edges[0].Node.ID
	} else {
		teamID := ""
		if len(found.Teams.Edges) > 0 {
			teamID = found.Teams.Edges[0].Node.ID
		} else {
			var team struct{ CreateTeam struct{ ID string } }
			if err := g.do(ctx, `mutation($n:String!){createTeam(input:{name:$n,description:"Load from bench/ingest."}){id}}`,
				map[string]any{"n": o.service}, &team); err != nil {
				return "", fmt.Errorf("creating team %q: %w", o.service, err)
			}
			teamID = team.CreateTeam.ID
		}
		var created struct{ CreateService struct{ ID string } }
		if err := g.do(ctx, `mutation($n:String!,$t:ID!){createService(input:{name:$n,teamID:$t,description:"Load from bench/ingest."}){id}}`,
			map[string]any{"n": o.service, "t": teamID}, &created); err != nil {
			return "", fmt.Errorf("creating service %q: %w", o.service, err)
		}
		serviceID = created.CreateService.ID
	}

	var integ struct{ CreateIntegration struct{ Key string } }
	if err := g.do(ctx, `mutation($s:ID!,$n:String!,$r:Int!){createIntegration(input:{serviceID:$s,kind:OPSGENIE,name:$n,rateLimitPerMinute:$r,rateLimitBurst:$r}){key}}`,
		map[string]any{"s": serviceID, "n": "bench " + time.Now().Format(time.RFC3339), "r": unthrottled}, &integ); err != nil {
		return "", fmt.Errorf("creating the integration: %w", err)
	}
	logf("created an OPSGENIE integration on service %q (rate limit %d/min, burst %d)", o.service, unthrottled, unthrottled)
	return integ.CreateIntegration.Key, nil
}

// graphql is the smallest client that does: one POST per operation.
type graphql struct {
	url, token string
}

func (g *graphql) do(ctx context.Context, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if g.token != "" {
		req.Header.Set("Authorization", "Bearer "+g.token)
	}
	c := http.Client{Timeout: 30 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("%s answered %s, not GraphQL JSON: %w", g.url, resp.Status, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("%s", r.Errors[0].Message)
	}
	return json.Unmarshal(r.Data, out)
}
