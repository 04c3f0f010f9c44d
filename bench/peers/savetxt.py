# numpy's CSV of the same columns as `gradplot --fn sin_xy --step 0.002 -o out.csv`:
# x0, x1, f, g0, g1 by vectorised central differences, written by np.savetxt with %.17g.
#   python3 savetxt.py out.csv
import sys

import numpy as np

h = 1e-4
axis = -2 + 0.002 * np.arange(2001)
X, Y = (a.ravel() for a in np.meshgrid(axis, axis))
f = np.sin(X * Y)
g0 = (np.sin((X + h) * Y) - np.sin((X - h) * Y)) / (2 * h)
g1 = (np.sin(X * (Y + h)) - np.sin(X * (Y - h))) / (2 * h)
np.savetxt(sys.argv[1], np.column_stack([X, Y, f, g0, g1]), fmt='%.17g', delimiter=',', header='x0,x1,f,g0,g1', comments='')
