"""The operator process: reconciles Bots into webhook objects and writes EventBindings' status, leader-elected."""
