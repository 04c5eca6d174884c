package main

import (
	"context"
	"fmt"
)

// migrate applies the schema's migrations to a store, making it when there is none.
func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flags("migrate", "[--db DSN]",
		"Bring a store's schema up to date: the migrations built into this binary that the store lacks,\n"+
			"each in a transaction. Every verb that writes does so too; migrate does only that, so that a\n"+
			"PostgreSQL database shared by many processes can be brought up to date once, before they start.",
		"  crosscheck migrate --db postgres://crosscheck@db.example.org:5432/news")
	db := m.dbFlag(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintln(m.Stderr, "crosscheck migrate: takes no arguments")
		return errUsage
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	fmt.Fprintln(m.Stdout, "the store's schema is up to date")
	return nil
}
