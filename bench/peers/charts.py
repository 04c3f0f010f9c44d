# One matplotlib process drawing the same charts as a gradplot batch: f = x0*x1 on the default
# grid (vectorised central differences), quiver, at gradplot's pixel size (figure size × dpi).
#   python3 charts.py count width_px height_px out_dir
import os
import sys

import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np

count, width, height, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
h = 1e-4
for i in range(count):
    X, Y = np.meshgrid(np.arange(-2, 2.25, 0.25), np.arange(-2, 2.25, 0.25))
    g0 = ((X + h) * Y - (X - h) * Y) / (2 * h)
    g1 = (X * (Y + h) - X * (Y - h)) / (2 * h)
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_subplot()
    ax.quiver(X, Y, -g0, -g1, angles='xy', color='#666666')
    ax.set_aspect('equal')
    ax.set_xlabel('x0')
    ax.set_ylabel('x1')
    ax.grid(True)
    ax.set_title('f(x0, x1) = x0*x1')
    fig.savefig(os.path.join(out, f'xy-{i}.png'))
    plt.close(fig)
