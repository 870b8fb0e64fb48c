"""The 3D engine: level scenes, solids, floors, furniture, textures, the numpy rasterizer and
its OpenGL twin (`gl.py`, picked by `frames.py`), dollhouse views and the GLB model."""
