"""The GLSL programs of the OpenGL frames (`gl.py`); each mirrors a step of the numpy path."""

from __future__ import annotations

SURFACE_VS = """
#version 330
uniform mat4 clip_from_model;
uniform vec2 plan_origin;   // world x, y of the model's origin, millimetres
in vec3 position;
in int group;
in vec3 colour;
in vec4 finish;      // kind, cos and sin of the plank direction, seed
in vec4 pattern;     // across, along, seam shade, tone spread (texture3d._PATTERNS)
flat out int v_group;
flat out vec3 v_colour;
flat out vec4 v_finish;
flat out vec4 v_pattern;
// Along and across the planks on the floor plane: interpolated with perspective, the point the
// pixel's ray meets the floor at, as texture3d.floor_points traces it.
out vec2 v_plank;
void main() {
    gl_Position = clip_from_model * vec4(position, 1.0);
    v_group = group;
    v_colour = colour;
    v_finish = finish;
    v_pattern = pattern;
    vec2 world = position.xy + plan_origin;
    float along = world.x * finish.y + world.y * finish.z;
    v_plank = vec2(along, world.y * finish.y - world.x * finish.z);
}
"""

SURFACE_FS = """
#version 330
// Compiled twice (`surface_fs`): with the floor finish for textured floors, and without it for
// everything else, which then skips the finish's cost (the software pipeline runs both sides
// of a branch).
const bool TEXTURED = %s;
uniform float eye_height;    // millimetres above the floor plane
uniform float per_pixel;     // 1 / (viewport scale * focal) of the drawn viewport
flat in int v_group;
flat in vec3 v_colour;
flat in vec4 v_finish;
flat in vec4 v_pattern;
in vec2 v_plank;
// The surface id (shifted by one, so that the cleared buffer reads as the background group) and
// the shade's bytes packed with a drawn flag above them (a cleared pixel is the background).
out uvec2 surface;

float hash(int a, int b, int seed) {
    // texture3d._hash: the same 32-bit arithmetic, so planks get the same tones.
    uint mixed = uint(a) * 374761393u + uint(b) * 668265263u + uint(seed) * 2654435u;
    mixed = (mixed ^ (mixed >> 13u)) * 1274126177u;
    mixed = mixed ^ (mixed >> 16u);
    return float(mixed & 0xFFFFu) / 65535.0;
}

float finish_factor() {
    // The view distance is clip w (`clip_matrix`), and the ray falls eye_height over it: the
    // millimetres a pixel spans on the floor, as texture3d.floor_points works them out.
    float reach = 1.0 / gl_FragCoord.w;
    float span = reach * per_pixel / max(eye_height / reach, 0.2);
    float u = v_plank.x;
    float v = v_plank.y;
    int seed = int(v_finish.w);
    float across = v_pattern.x;
    float along = v_pattern.y;
    int row = int(floor(v / across));
    float shifted = u + hash(row, 0, seed) * along;
    int piece = int(floor(shifted / along));
    float tone = 1.0 + v_pattern.w * (hash(row, piece, seed) - 0.5);
    float seam = max(2.5, 1.1 * span);
    bool on_seam = mod(v, across) < seam || mod(shifted, along) < seam;
    return on_seam ? v_pattern.z : tone;
}

void main() {
    vec3 bytes = floor(v_colour * 255.0 + 0.5);
    if (TEXTURED && v_finish.x > 0.5) {
        bytes = clamp(floor(bytes * finish_factor() + 0.5), 0.0, 255.0);
    }
    uvec3 b = uvec3(bytes);
    surface = uvec2(uint(v_group + 1), b.r | (b.g << 8u) | (b.b << 16u) | (1u << 24u));
}
"""


def surface_fs(textured: bool) -> str:
    """The surface pass's fragment shader, with or without the floor finish."""
    return SURFACE_FS % ("true" if textured else "false")


QUAD_VS = """
#version 330
in vec2 corner;
void main() { gl_Position = vec4(corner, 0.0, 1.0); }
"""

CLEAR_VS = """
#version 330
in vec2 corner;
void main() { gl_Position = vec4(corner, 1.0, 1.0); }   // at the far plane: depth 1
"""

CLEAR_FS = """
#version 330
// What a clear leaves: no surface, no shade (the background), drawn over any shape.
out uvec2 surface;
void main() { surface = uvec2(0u); }
"""

FINISH_FS = """
#version 400
// raster3d.shade() and to_image() in one pass, one fragment per frame pixel: every drawn
// (supersampled) pixel under it gets its outline, and their average is the frame's pixel.
// Pillow's BOX resize: frame pixel i averages the drawn pixels whose centres fall in
// [i * scale, (i + 1) * scale), one or two per axis for scales up to 2. The four gathers read
// the 4 x 4 block of surface ids around the (up to) 2 x 2 drawn pixels, a fifth their shades.
uniform usampler2D surfaces;
uniform vec3 background;    // bytes
uniform float outline;
uniform vec2 scale;
uniform vec2 big_size;
out vec4 colour;

vec3 unpack(uint bits) {
    if (bits == 0u) return background;
    return vec3(float(bits & 255u), float((bits >> 8u) & 255u), float((bits >> 16u) & 255u));
}

vec3 outlined(uint here, uint left, uint above, uint right, uint below, uint bits) {
    // A line on the right or lower side between two surfaces, and on the surface side against
    // the background, so silhouettes close all round.
    bool edge = here != 0u
        && (left != here || above != here || right == 0u || below == 0u);
    vec3 bytes = unpack(bits);
    return floor((edge ? bytes * (1.0 - outline) : bytes) + 0.5);
}

void main() {
    vec2 i = floor(gl_FragCoord.xy);
    vec2 lo = floor(i * scale + 0.5);
    vec2 hi = min(floor((i + 1.0) * scale + 0.5), big_size);
    // Gathers at texel corners; the texture clamps, so at the border a pixel meets itself.
    // Each returns (x0, y1), (x1, y1), (x1, y0), (x0, y0) of the 2 x 2 texels around the point.
    uvec4 a = textureGather(surfaces, lo / big_size, 0);                    // x-1..x, y-1..y
    uvec4 b = textureGather(surfaces, (lo + vec2(2.0, 0.0)) / big_size, 0); // x+1..x+2, y-1..y
    uvec4 c = textureGather(surfaces, (lo + vec2(0.0, 2.0)) / big_size, 0); // x-1..x, y+1..y+2
    uvec4 d = textureGather(surfaces, (lo + 2.0) / big_size, 0);            // x+1..x+2, y+1..y+2
    uvec4 s = textureGather(surfaces, (lo + 1.0) / big_size, 1);            // x..x+1, y..y+1
    // The 2 x 2 drawn pixels: p00 = (x, y) = a.y, p10 = b.x, p01 = c.z, p11 = d.w.
    vec3 p00 = outlined(a.y, a.x, a.z, b.x, c.z, s.w);
    vec3 p10 = outlined(b.x, a.y, b.w, b.y, d.w, s.z);
    vec3 p01 = outlined(c.z, c.w, a.y, d.w, c.y, s.x);
    vec3 p11 = outlined(d.w, c.z, b.x, d.z, d.x, s.y);
    float wide = hi.x > lo.x + 1.0 ? 1.0 : 0.0;
    float tall = hi.y > lo.y + 1.0 ? 1.0 : 0.0;
    vec3 total = p00 + wide * p10 + tall * (p01 + wide * p11);
    vec3 rgb = total / ((1.0 + wide) * (1.0 + tall));
    colour = vec4(rgb / 255.0, 1.0);
}
"""
