"""Kubernetes adapters: the CRDs, EventBindings as a knowledge source, the watcher and the operator."""
