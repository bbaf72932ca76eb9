"""Reference timing: the same mini-batch SGD as nabla's hand-coded engine, in numpy.

Network [784, 30, 10], sigmoid layers, quadratic cost C = (1/2m) sum ||a - y||^2, weights and
biases drawn from N(0, 1), learning rate eta = 3.0, batch B = 10, float64. Each mini-batch is
evaluated as a whole, examples stacked as the columns of X (784 x m), exactly as nabla's
MiniBatchBackprop does (BP1-BP4 in matrix form), so the two programs do the same arithmetic.

The images are converted to float64 once, before the timed epochs. nabla converts bytes per
mini-batch inside its epochs, so this favours numpy. Like nabla's hand-coded engine, it takes
sigma'(z) of the hidden layer as a(1 - a) from the activation already computed.

Run it single-threaded, since two BLAS threads are slower at these sizes on two shared cores:

    OPENBLAS_NUM_THREADS=1 python3 benchmarks/python/nielsen_numpy.py \
        --data /usr/share/datasets/fashion-mnist --train-limit 50000 --epochs 5

The last line is 'numpy: examples=N median_epoch_s=S examples_per_s=R', in the format of the
'bench:' line of './nabla bench'.
"""

import argparse
import ctypes
import gzip
import os
import statistics
import sys
import time

import numpy as np


def read_idx(path, magic):
    """Returns the unsigned bytes after the header of an IDX file, gzip-compressed or raw."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    found = int.from_bytes(raw[0:4], "big")
    if found != magic:
        sys.exit(f"{path}: magic number {found}, expected {magic}")
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * d: 8 + 4 * d], "big") for d in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, base):
    for name in (base + ".gz", base):
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            return path
    sys.exit(f"missing: expected {base} or {base}.gz in {directory}")


def load(directory, prefix, limit):
    images = read_idx(find(directory, prefix + "-images-idx3-ubyte"), 2051)
    labels = read_idx(find(directory, prefix + "-labels-idx1-ubyte"), 2049)
    if limit is not None:
        images, labels = images[:limit], labels[:limit]
    return images.reshape(len(images), -1).astype(np.float64) / 255.0, labels.astype(np.int64)


def openblas_core():
    """Returns the processor kernel OpenBLAS chose, such as 'Haswell', read from the loaded library."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    for path in paths:
        library = ctypes.CDLL(path)
        for symbol in ("openblas_get_corename", "openblas_get_corename64_", "scipy_openblas_get_corename64_"):
            function = getattr(library, symbol, None)
            if function is not None:
                function.restype = ctypes.c_char_p
                return function().decode()
    return "unknown"


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Network:
    def __init__(self, sizes, rng):
        self.biases = [rng.standard_normal((n, 1)) for n in sizes[1:]]
        self.weights = [rng.standard_normal((n, k)) for k, n in zip(sizes[:-1], sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(w @ a + b)
        return a

    def update(self, x, y, eta):
        """Takes one SGD step on the batch x (784 x m) with targets y (10 x m)."""
        m = x.shape[1]
        activation = x
        activations = [x]
        zs = []
        for b, w in zip(self.biases, self.weights):
            z = w @ activation + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        # BP1: delta = (a - y) * sigma'(z), with sigma'(z) = a (1 - a)
        a = activations[-1]
        delta = (a - y) * a * (1.0 - a)
        nabla_b = [None] * len(self.biases)
        nabla_w = [None] * len(self.weights)
        nabla_b[-1] = delta.sum(axis=1, keepdims=True) / m
        nabla_w[-1] = (delta @ activations[-2].T) / m
        for layer in range(2, len(self.weights) + 1):
            a = activations[-layer]
            # BP2: delta = (w^T delta) * sigma'(z)
            delta = (self.weights[-layer + 1].T @ delta) * a * (1.0 - a)
            nabla_b[-layer] = delta.sum(axis=1, keepdims=True) / m
            nabla_w[-layer] = (delta @ activations[-layer - 1].T) / m
        for w, nw in zip(self.weights, nabla_w):
            w -= eta * nw
        for b, nb in zip(self.biases, nabla_b):
            b -= eta * nb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with the four MNIST-format IDX files")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--eta", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--train-limit", type=int, default=None)
    args = parser.parse_args()

    print(f"numpy {np.__version__}, OpenBLAS kernel {openblas_core()}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}", flush=True)
    train_x, train_y = load(args.data, "train", args.train_limit)
    test_x, test_y = load(args.data, "t10k", None)
    targets = np.eye(10)[train_y]
    rng = np.random.default_rng(args.seed)
    network = Network([784, 30, 10], rng)
    n = len(train_x)

    seconds = []
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n)
        for first in range(0, n, args.batch):
            chosen = order[first:first + args.batch]
            network.update(train_x[chosen].T, targets[chosen].T, args.eta)
        seconds.append(time.perf_counter() - start)
        correct = int((network.feedforward(test_x.T).argmax(axis=0) == test_y).sum())
        print(f"Epoch {epoch}: {correct} / {len(test_y)} correct in {seconds[-1]:.3f} s", flush=True)

    median = statistics.median(seconds)
    print(f"numpy: examples={n} median_epoch_s={median:.4f} examples_per_s={n / median:.0f}")


if __name__ == "__main__":
    main()
