# What the seed post's script does (the book's ch04 gradient_2d.py with its fix): numerical
# gradients of f = x0*x1 point by point over the rows of the flattened meshgrid, drawn with
# quiver as the book does, saved as a PNG of gradplot's pixel size instead of shown.
#   python3 seed.py out.png width_px height_px
import sys

import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np


def _numerical_gradient_no_batch(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad


def numerical_gradient(f, X):
    grad = np.zeros_like(X)
    for idx, x in enumerate(X):
        grad[idx] = _numerical_gradient_no_batch(f, x)
    return grad


def function_xy(x):
    return x[0] * x[1] if x.ndim == 1 else x[:, 0] * x[:, 1]


out, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x0 = np.arange(-2, 2.25, 0.25)
X, Y = np.meshgrid(x0, x0)
X, Y = X.flatten(), Y.flatten()
grad = numerical_gradient(function_xy, np.array([X, Y]).T).T
plt.figure(figsize=(width / 100, height / 100), dpi=100)
plt.quiver(X, Y, -grad[0], -grad[1], angles='xy', color='#666666')
plt.xlim([-2, 2])
plt.ylim([-2, 2])
plt.xlabel('x0')
plt.ylabel('x1')
plt.grid()
plt.title('f(x0, x1) = x0*x1')
plt.savefig(out)
