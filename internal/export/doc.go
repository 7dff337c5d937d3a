// Package export turns a plans repository into tidy tables for analysts — one row
// per country × item, per action, per KPI, per sustainability factor, plus the
// countries and the road-map steps — and writes them as CSV, JSON or XLSX.
// It returns data and errors and never prints.
package export
