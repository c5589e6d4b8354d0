package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "griot.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigration(t *testing.T) {
	storetest.RunMigration(t, func(t *testing.T) (store.Store, func() store.Store) {
		u := "sqlite://" + filepath.Join(t.TempDir(), "griot.db")
		open := func() store.Store {
			s, err := store.Open(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		return open(), open
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "griot.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Corpus(t)[0]
	if _, err := s.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening (migrations must not run twice): %v", err)
	}
	defer s.Close()
	if ok, err := s.HasDocument(ctx, d.SHA256); err != nil || !ok {
		t.Errorf("after reopening, HasDocument = %v, %v", ok, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"griot.db", "nosuch://x", "sqlite://", "sqlite://" + filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := store.Open(ctx, u); err == nil {
			s.Close()
			t.Errorf("Open(%q): want an error", u)
		}
	}
}

func TestMemory(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite://:memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Stats(context.Background()); err != nil {
		t.Fatal(err)
	}
}
