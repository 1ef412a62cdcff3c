"""The pure core: the knowledge model, matching and ranking. No Flask, no HTTP, no Kubernetes, no database."""
