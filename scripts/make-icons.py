#!/usr/bin/env python3
"""Draws the add-in icons (icon-16/32/64/80/128.png) next to this file.

A green ledger sheet with an approval badge (a white check on dark green); at 16 and 20 pixels, where the
ruled sheet would be mush, a bold white check on the green square instead. Standard library only (zlib for
the PNG), 4x4 supersampling for anti-aliasing, so the output is the same on every machine:

    python3 scripts/make-icons.py
"""
import math
import os
import struct
import zlib

GREEN = (0x21, 0x73, 0x46)       # the tile
DARK = (0x0E, 0x5A, 0x30)        # the badge
WHITE = (0xFF, 0xFF, 0xFF)
RULE = (0xA8, 0xD5, 0xBA)        # ledger rules on the sheet
HEADER = (0x5F, 0xA9, 0x7C)      # the sheet's header band

SAMPLES = 4


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def polyline(points, width):
    half = width / 2

    def inside(x, y):
        return any(segment_distance(x, y, *points[i], *points[i + 1]) <= half for i in range(len(points) - 1))
    return inside


def layers(size):
    """Shapes in unit coordinates (0..1, y down), painted in order."""
    tile = rounded_rect(0.03, 0.03, 0.97, 0.97, 0.18)
    if size <= 20:
        check = [(0.24, 0.52), (0.43, 0.71), (0.78, 0.31)]
        return [(tile, GREEN), (polyline(check, 0.17), WHITE)]
    shapes = [
        (tile, GREEN),
        (rounded_rect(0.17, 0.13, 0.71, 0.87, 0.05), WHITE),
        (rounded_rect(0.17, 0.13, 0.71, 0.27, 0.05), HEADER),
        (lambda x, y: 0.17 <= x <= 0.71 and 0.22 <= y <= 0.27, HEADER),
    ]
    for y in (0.38, 0.50, 0.62, 0.74):
        shapes.append((rounded_rect(0.25, y - 0.022, 0.63, y + 0.022, 0.022), RULE))
    shapes += [
        (circle(0.70, 0.70, 0.25), WHITE),
        (circle(0.70, 0.70, 0.205), DARK),
        (polyline([(0.585, 0.705), (0.665, 0.785), (0.815, 0.625)], 0.075), WHITE),
    ]
    return shapes


def render(size):
    shapes = layers(size)
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            r = g = b = a = 0.0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    color = None
                    for inside, c in shapes:
                        if inside(x, y):
                            color = c
                    if color is not None:
                        r += color[0]
                        g += color[1]
                        b += color[2]
                        a += 1
            n = SAMPLES * SAMPLES
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return png(size, size, b''.join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack('>IIBBBBB', width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (16, 32, 64, 80, 128):
        path = os.path.join(here, '..', 'assets', f'icon-{size}.png')
        with open(path, 'wb') as f:
            f.write(render(size))
        print(path)
