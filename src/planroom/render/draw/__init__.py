"""Drawing primitives and their writers: the scene, SVG, PDF, raster images and zip archives."""
