"""The Kubernetes API as monsterbot speaks it: its CRDs, manifests, and the one module importing the client (api)."""
