// Command ferretdb-local runs FerretDB 1.x with its SQLite backend as a local,
// MongoDB-wire-compatible server for development and tests on machines without Docker.
// It embeds the ferretdb package because `go install` of FerretDB's own command
// panics without its generated version file.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", "./data/ferretdb", "directory for the SQLite databases")
	// In WAL mode, synchronous=NORMAL syncs at checkpoints instead of on every commit: a crashed
	// process loses nothing, a power cut may lose the last commits. Commits are several times
	// faster, which is what a local development and test server needs (see README).
	synchronous := flag.String("synchronous", "normal", "SQLite synchronous pragma: off, normal or full")
	flag.Parse()

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		log.Fatalf("cannot create data directory: %v", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/?_pragma=synchronous(" + *synchronous + ")",
	})
	if err != nil {
		log.Fatalf("cannot configure FerretDB: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	log.Printf("FerretDB listening on %s, data in %s", *listen, *dataDir)
	if err := f.Run(ctx); err != nil {
		log.Fatalf("FerretDB stopped: %v", err)
	}
}
