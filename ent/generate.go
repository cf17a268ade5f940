// Package ent holds Tocsin's data model, generated from ent/schema.
package ent

//go:generate go run entc.go
