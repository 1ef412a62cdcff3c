"""Pure matching core: normalising what players type and finding the monster they mean."""
