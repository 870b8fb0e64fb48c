"""The software 3D engine: level scenes, solids, floors, furniture, textures, the rasterizer,
dollhouse views and the GLB model."""
