/**
 * The optimizers of the book's `common/optimizer.py`, with its update formulas
 * (term for term, in its order of operations, so paths match the book's to the
 * last digits) and its defaults.
 */

export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

/** A hyperparameter besides the learning rate. */
export type Hyperparameter = 'momentum' | 'decayRate' | 'beta1' | 'beta2';

/** An optimizer with every hyperparameter set: what a path follows. */
export interface Optimizer {
  optimizer: OptimizerName;
  /** Learning rate, greater than 0. */
  lr: number;
  /** The optimizer's other hyperparameters, each set (to its default when not given). */
  params: Partial<Record<Hyperparameter, number>>;
}

/** An optimizer as a user names it: left-out values take the book's defaults. */
export interface OptimizerChoice extends Partial<Record<Hyperparameter, number>> {
  optimizer: OptimizerName;
  lr?: number;
}

interface Definition {
  /** The book's class name, for legends. */
  label: string;
  lr: number;
  params: Partial<Record<Hyperparameter, number>>;
}

/** The book's defaults (`__init__` of each class). */
export const OPTIMIZERS: Readonly<Record<OptimizerName, Definition>> = {
  sgd: { label: 'SGD', lr: 0.01, params: {} },
  momentum: { label: 'Momentum', lr: 0.01, params: { momentum: 0.9 } },
  nesterov: { label: 'Nesterov', lr: 0.01, params: { momentum: 0.9 } },
  adagrad: { label: 'AdaGrad', lr: 0.01, params: {} },
  rmsprop: { label: 'RMSprop', lr: 0.01, params: { decayRate: 0.99 } },
  adam: { label: 'Adam', lr: 0.001, params: { beta1: 0.9, beta2: 0.999 } },
};

export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];

export const HYPERPARAMETERS: readonly Hyperparameter[] = ['momentum', 'decayRate', 'beta1', 'beta2'];

/** The book's ε, added to √h and √v so a zero gradient divides by something. */
export const EPSILON = 1e-7;

/** Whether a hyperparameter's value is in its domain: every one of them is a rate in [0, 1). */
export function inDomain(value: number): boolean {
  return value >= 0 && value < 1;
}

/** The optimizer with the book's default for every value left out; the choice must name only its own hyperparameters. */
export function settle(choice: OptimizerChoice): Optimizer {
  const { lr, params } = OPTIMIZERS[choice.optimizer];
  const own = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, choice[k as Hyperparameter] ?? v]));
  return { optimizer: choice.optimizer, lr: choice.lr ?? lr, params: own };
}

/** `Adam lr 0.3` or `Adam lr 0.3 beta1 0.8` (hyperparameters shown only where they differ from the default). */
export function describeOptimizer({ optimizer, lr, params }: Optimizer): string {
  const { label, params: defaults } = OPTIMIZERS[optimizer];
  const changed = Object.entries(params).filter(([k, v]) => v !== defaults[k as Hyperparameter]);
  return [`${label} lr ${lr}`, ...changed.map(([k, v]) => `${k} ${v}`)].join(' ');
}

/** Moves `p` one step against the gradient `g` (both of the same length), keeping the optimizer's state. */
export type Update = (p: Float64Array, g: Float64Array) => void;

/** A fresh optimizer, state zeroed, as the book's class before its first `update`. */
export function updater({ optimizer, lr, params }: Optimizer, dim: number): Update {
  const mu = params.momentum ?? 0;
  const zeros = () => new Float64Array(dim);
  switch (optimizer) {
    case 'sgd':
      return (p, g) => {
        for (let i = 0; i < dim; i++) p[i] -= lr * g[i];
      };
    case 'momentum': {
      const v = zeros();
      return (p, g) => {
        for (let i = 0; i < dim; i++) {
          v[i] = mu * v[i] - lr * g[i];
          p[i] += v[i];
        }
      };
    }
    case 'nesterov': {
      const v = zeros();
      return (p, g) => {
        for (let i = 0; i < dim; i++) {
          p[i] += mu * mu * v[i];
          p[i] -= (1 + mu) * lr * g[i];
          v[i] *= mu;
          v[i] -= lr * g[i];
        }
      };
    }
    case 'adagrad': {
      const h = zeros();
      return (p, g) => {
        for (let i = 0; i < dim; i++) {
          h[i] += g[i] * g[i];
          p[i] -= (lr * g[i]) / (Math.sqrt(h[i]) + EPSILON);
        }
      };
    }
    case 'rmsprop': {
      const d = params.decayRate!;
      const h = zeros();
      return (p, g) => {
        for (let i = 0; i < dim; i++) {
          h[i] *= d;
          h[i] += (1 - d) * g[i] * g[i];
          p[i] -= (lr * g[i]) / (Math.sqrt(h[i]) + EPSILON);
        }
      };
    }
    case 'adam': {
      const [b1, b2] = [params.beta1!, params.beta2!];
      const [m, v] = [zeros(), zeros()];
      let t = 0;
      return (p, g) => {
        t++;
        const lrT = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
        for (let i = 0; i < dim; i++) {
          m[i] += (1 - b1) * (g[i] - m[i]);
          v[i] += (1 - b2) * (g[i] * g[i] - v[i]);
          p[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + EPSILON);
        }
      };
    }
  }
}
