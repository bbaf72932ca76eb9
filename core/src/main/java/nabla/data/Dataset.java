package nabla.data;

import nabla.core.Matrix;

/**
 * Labelled images held as raw bytes: pixels stay unsigned bytes (0–255) until a mini-batch is
 * built, so a dataset takes one byte per pixel in memory.
 */
public final class Dataset {

    /** The value of each pixel byte scaled to [0, 1]: entry p is p / 255. */
    private static final double[] UNIT_INTERVAL = new double[256];

    static {
        for (int p = 0; p < UNIT_INTERVAL.length; p++) {
            UNIT_INTERVAL[p] = p / 255.0;
        }
    }

    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int inputSize;
    private final int classes;

    /**
     * Creates a dataset of {@code labels.length} examples.
     *
     * @param name where the data came from, for messages
     * @param pixels the images one after another, {@code inputSize} bytes each; not copied
     * @param labels the class of each image, 0 … classes − 1; not copied
     * @param inputSize the number of pixels in one image
     * @param classes the number of classes the labels are drawn from
     */
    public Dataset(String name, byte[] pixels, byte[] labels, int inputSize, int classes) {
        if (inputSize <= 0 || (long) labels.length * inputSize != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not make "
                    + labels.length + " images of " + inputSize + " pixels");
        }
        for (int k = 0; k < labels.length; k++) {
            int label = labels[k] & 0xff;
            if (label >= classes) {
                throw new IllegalArgumentException(name + ": label " + label + " of example " + k
                        + " is outside 0.." + (classes - 1));
            }
        }
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.inputSize = inputSize;
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    /** Returns the number of examples. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of pixels in one image: n⁰ for a network that reads it. */
    public int inputSize() {
        return inputSize;
    }

    /** Returns the number of classes: the smallest output layer that can name every label. */
    public int classes() {
        return classes;
    }

    /** Returns the label of example {@code index}, 0 … classes − 1. */
    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** Returns the examples {@code order[from]} … {@code order[to − 1]} as columns scaled to [0, 1]. */
    public Matrix inputs(int[] order, int from, int to) {
        return inputs(order, from, to, Matrix.zeros(inputSize, to - from));
    }

    /**
     * Writes the examples {@code order[from]} … {@code order[to − 1]} into {@code into} as columns
     * scaled to [0, 1], overwriting it, and returns it: the form that reuses one buffer for every
     * mini-batch, so that only the bytes of the dataset stay in memory.
     *
     * @param into (inputSize×(to − from)), modified
     */
    public Matrix inputs(int[] order, int from, int to, Matrix into) {
        int m = to - from;
        if (into.rows() != inputSize || into.cols() != m) {
            throw new IllegalArgumentException("inputs: " + into.shape() + " cannot hold " + m + " examples of "
                    + inputSize + " pixels; pass a (" + inputSize + "x" + m + ") matrix");
        }
        int[] offsets = new int[m];
        for (int j = 0; j < m; j++) {
            offsets[j] = order[from + j] * inputSize;
        }
        // Pixel by pixel, so that each row of the matrix is written in one contiguous run.
        double[] data = into.data();
        for (int i = 0; i < inputSize; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                data[row + j] = UNIT_INTERVAL[pixels[offsets[j] + i] & 0xff];
            }
        }
        return into;
    }

    /** Returns the one-hot targets of the same examples, (outputs×m): row label is 1.0. */
    public Matrix targets(int[] order, int from, int to, int outputs) {
        if (outputs < classes) {
            throw new IllegalArgumentException("targets: an output layer of " + outputs + " neurons cannot "
                    + "name " + classes + " classes; use at least " + classes);
        }
        int m = to - from;
        Matrix y = Matrix.zeros(outputs, m);
        for (int j = 0; j < m; j++) {
            y.set(label(order[from + j]), j, 1.0);
        }
        return y;
    }

    /** Returns the labels of the same examples. */
    public int[] labels(int[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int j = 0; j < out.length; j++) {
            out[j] = label(order[from + j]);
        }
        return out;
    }

    /** Returns the identity order 0 … size − 1. */
    public int[] identityOrder() {
        int[] order = new int[size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        return order;
    }

    /** Returns the first {@code count} examples as a new dataset sharing no arrays with this one. */
    public Dataset head(int count) {
        int n = Math.min(count, size());
        byte[] p = java.util.Arrays.copyOf(pixels, n * inputSize);
        byte[] l = java.util.Arrays.copyOf(labels, n);
        return new Dataset(name, p, l, inputSize, classes);
    }
}
