"""The 3D pictures: dollhouse stills and video frames, on OpenGL or the numpy rasteriser."""
