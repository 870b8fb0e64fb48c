"""Orders: drafts, GoToScan and redraw orders, the lifecycle, post-purchase and delivery state."""
