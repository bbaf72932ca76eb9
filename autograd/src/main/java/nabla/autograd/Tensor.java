package nabla.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nabla.core.Activations;
import nabla.core.Matrix;

/**
 * A node of a reverse-mode autodiff graph: a matrix value, the gradient that {@link #backward()}
 * accumulates into it, the nodes it was computed from (its parents), and the rule that sends its
 * gradient back to them.
 *
 * <p>Leaves are made with {@link #parameter} (a value to differentiate with respect to) or
 * {@link #constant} (data, such as the inputs x and targets y). Every operation computes its
 * value at once, records its backward rule (they are listed together in {@link Derivatives}) and
 * returns the new node; nothing is evaluated lazily. A node requires a gradient when a parameter
 * leads to it. After {@code root.backward()}, the {@link #grad()} of every node that requires one
 * is ∂root/∂node, of the shape of its value.
 *
 * <p>Shapes follow {@link Matrix}: (rows×columns), examples stacked as columns. The element-wise
 * binary operations broadcast: an operand with a dimension of size 1 is repeated along it, so an
 * (n×1) column or a (1×1) scalar combines with an (n×m) matrix. A shape that neither matches nor
 * broadcasts throws {@link IllegalArgumentException} naming the operation and both shapes.
 *
 * <p>Values are never modified by the engine; a leaf shares the matrix it was made from, so
 * changing that matrix afterwards changes the leaf too. Tensors are not thread-safe.
 */
public final class Tensor {

    private static final Tensor[] NO_PARENTS = new Tensor[0];
    private static final AtomicLong NEXT_ID = new AtomicLong();

    /** How many {@link #withoutGrad} calls are running on this thread; tracking is on at 0. */
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final long id;
    private final String operation;
    private final OptionalDouble argument;
    private final Matrix value;
    private final Tensor[] parents;
    private final BackwardRule rule;
    private final boolean requiresGrad;
    private String label;
    private Matrix grad;

    /**
     * The gradient matrix of an earlier backward pass, kept when the gradient was reset so that
     * the next pass can overwrite it instead of allocating. Null when there is none.
     */
    private Matrix spareGrad;

    private Tensor(String operation, OptionalDouble argument, Matrix value, Tensor[] parents,
            BackwardRule rule, boolean requiresGrad) {
        this.id = NEXT_ID.getAndIncrement();
        this.operation = operation;
        this.argument = argument;
        this.value = value;
        this.parents = parents;
        this.rule = rule;
        this.requiresGrad = requiresGrad;
    }

    // ---------------------------------------------------------------- leaves

    /** Creates a leaf whose gradient is wanted, such as a weight matrix, sharing {@code value} without a copy. */
    public static Tensor parameter(Matrix value) {
        return new Tensor("parameter", OptionalDouble.empty(), value, NO_PARENTS, null, true);
    }

    /** Creates a leaf that needs no gradient, such as the inputs, sharing {@code value} without a copy. */
    public static Tensor constant(Matrix value) {
        return new Tensor("constant", OptionalDouble.empty(), value, NO_PARENTS, null, false);
    }

    /** Creates a (1×1) constant. */
    public static Tensor scalar(double value) {
        return constant(Matrix.column(value));
    }

    // ---------------------------------------------------------------- operations

    /**
     * Returns the element-wise sum, broadcasting. So (n×m) + (n×1) adds the column to every column,
     * and a (1×1) operand is added to every entry. Either operand may be the smaller one.
     */
    public Tensor add(Tensor other) {
        Matrix sum = Broadcasting.zip("add", value, other.value, Double::sum);
        return record("add", sum, Derivatives.ADD, this, other);
    }

    /** Returns the element-wise difference this − other, broadcasting as {@link #add} does. */
    public Tensor subtract(Tensor other) {
        Matrix difference = Broadcasting.zip("subtract", value, other.value, (a, b) -> a - b);
        return record("subtract", difference, Derivatives.SUBTRACT, this, other);
    }

    /** Returns the element-wise (Hadamard) product this ⊙ other, broadcasting as {@link #add} does. */
    public Tensor multiply(Tensor other) {
        Matrix product = Broadcasting.zip("multiply", value, other.value, (a, b) -> a * b);
        return record("multiply", product, Derivatives.MULTIPLY, this, other);
    }

    /** Returns the element-wise quotient this / other, broadcasting as {@link #add} does. */
    public Tensor divide(Tensor other) {
        Matrix quotient = Broadcasting.zip("divide", value, other.value, (a, b) -> a / b);
        return record("divide", quotient, Derivatives.DIVIDE, this, other);
    }

    /** Returns −this. */
    public Tensor negate() {
        return record("negate", value.scale(-1.0), Derivatives.NEGATE, this);
    }

    /** Returns every entry multiplied by the constant {@code factor}. */
    public Tensor scale(double factor) {
        return record("scale", factor, value.scale(factor), Derivatives.scale(factor), this);
    }

    /** Returns every entry plus the constant {@code constant}. */
    public Tensor addScalar(double constant) {
        return record("addScalar", constant, value.map(x -> x + constant), Derivatives.ADD_CONSTANT, this);
    }

    /**
     * Returns the matrix product this · other: (n×k)·(k×m) gives (n×m).
     *
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public Tensor matmul(Tensor other) {
        return record("matmul", value.multiply(other.value), Derivatives.MATMUL, this, other);
    }

    /** Returns the transpose, (m×n) for an (n×m) value. */
    public Tensor transpose() {
        return record("transpose", value.transpose(), Derivatives.TRANSPOSE, this);
    }

    /** Returns the sum of all entries, (1×1). */
    public Tensor sum() {
        return record("sum", Matrix.column(value.sum()), Derivatives.SUM, this);
    }

    /** Returns the sum along each row, an (n×1) column for an (n×m) value. */
    public Tensor rowSum() {
        return record("rowSum", value.rowSum(), Derivatives.ROW_SUM, this);
    }

    /** Returns the sum along each column, a (1×m) row for an (n×m) value. */
    public Tensor columnSum() {
        return record("columnSum", value.columnSum(), Derivatives.COLUMN_SUM, this);
    }

    /**
     * Returns the mean of all entries, (1×1).
     *
     * @throws IllegalArgumentException if the value has no entries
     */
    public Tensor mean() {
        if (value.size() == 0) {
            throw new IllegalArgumentException("mean: " + value.shape() + ": no entries to average");
        }
        return record("mean", Matrix.column(value.sum() / value.size()), Derivatives.MEAN, this);
    }

    /** Returns every entry raised to the constant power {@code exponent}. */
    public Tensor pow(double exponent) {
        return record("pow", exponent, value.map(x -> Math.pow(x, exponent)), Derivatives.pow(exponent), this);
    }

    /** Returns eˣ for every entry. */
    public Tensor exp() {
        return record("exp", value.map(Math::exp), Derivatives.EXP, this);
    }

    /** Returns the natural logarithm of every entry. */
    public Tensor log() {
        return record("log", value.map(Math::log), Derivatives.LOG, this);
    }

    /** Returns the logistic function 1 / (1 + e⁻ˣ) of every entry, without overflow for large |x|. */
    public Tensor sigmoid() {
        return record("sigmoid", value.map(Activations::sigmoid), Derivatives.SIGMOID, this);
    }

    /** Returns tanh x for every entry. */
    public Tensor tanh() {
        return record("tanh", value.map(Math::tanh), Derivatives.TANH, this);
    }

    /** Returns max(0, x) for every entry. */
    public Tensor relu() {
        return record("relu", value.map(x -> x > 0.0 ? x : 0.0), Derivatives.RELU, this);
    }

    /** Returns the softmax of each column, computed after subtracting the column maximum so that no exponent overflows. */
    public Tensor softmax() {
        return record("softmax", Activations.softmaxColumns(value), Derivatives.SOFTMAX, this);
    }

    /** Returns the logarithm of the softmax of each column, computed stably as x − max − ln Σ e^(x − max). */
    public Tensor logSoftmax() {
        return record("logSoftmax", Activations.logSoftmaxColumns(value), Derivatives.LOG_SOFTMAX, this);
    }

    private Tensor record(String name, Matrix result, BackwardRule backward, Tensor... operands) {
        return record(name, OptionalDouble.empty(), result, backward, operands);
    }

    private Tensor record(String name, double constant, Matrix result, BackwardRule backward, Tensor... operands) {
        return record(name, OptionalDouble.of(constant), result, backward, operands);
    }

    /**
     * Creates the node of one operation. With tracking off it is a bare value with no parents;
     * otherwise it keeps its operands, and its backward rule when one of them requires a gradient.
     */
    private static Tensor record(String name, OptionalDouble constant, Matrix result, BackwardRule backward,
            Tensor... operands) {
        if (!isGradEnabled()) {
            return new Tensor(name, constant, result, NO_PARENTS, null, false);
        }
        boolean needsGrad = false;
        for (Tensor operand : operands) {
            needsGrad |= operand.requiresGrad;
        }
        return new Tensor(name, constant, result, operands, needsGrad ? backward : null, needsGrad);
    }

    // ---------------------------------------------------------------- backward pass

    /**
     * Computes ∂this/∂node for every node that requires a gradient and this one was computed from,
     * starting from ∂this/∂this = 1. This value must be a scalar (1×1); use {@link #backward(Matrix)}
     * otherwise.
     *
     * <p>Calling it again, on this or another root, recomputes the gradients of interior nodes but
     * adds to those of leaves: a parameter's gradient accumulates over calls until
     * {@link #zeroGrad()} resets it, as when summing the gradients of several batches.
     *
     * @throws IllegalStateException if this value is not (1×1), or if it requires no gradient
     */
    public void backward() {
        if (value.rows() != 1 || value.cols() != 1) {
            throw new IllegalStateException("backward: " + describe() + " is " + value.shape()
                    + ", not a scalar (1x1); pass a seed gradient of shape " + value.shape()
                    + " to backward(seed), or reduce it first with sum() or mean()");
        }
        backward(Matrix.column(1.0));
    }

    /**
     * Computes the gradients as {@link #backward()} does, from the seed ∂root/∂this instead of 1:
     * the result is the vector-Jacobian product seedᵀ·J for every node.
     *
     * @param seed of the shape of this value; not modified
     * @throws IllegalArgumentException if the seed has another shape
     * @throws IllegalStateException if this node requires no gradient
     */
    public void backward(Matrix seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: " + describe() + " requires no gradient: no parameter "
                    + "leads to it, or it was computed with gradient tracking off");
        }
        if (!seed.sameShape(value)) {
            throw new IllegalArgumentException("backward: seed " + seed.shape() + " and output " + value.shape()
                    + " of " + describe() + ": shapes must be equal");
        }

        // Order the nodes that require a gradient so that each comes after every node it was computed from.
        List<Tensor> order = topologicalOrder(this, true);

        // Interior gradients are recomputed from zero; leaf gradients carry over from earlier calls.
        for (Tensor node : order) {
            if (!node.isLeaf()) {
                node.resetGrad();
            }
        }

        // Chain rule, from this node back to the leaves: a node's gradient is complete once every
        // node computed from it, all later in the order, has sent its share.
        accumulate(seed, false);
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor node = order.get(k);
            if (node.rule != null && node.grad != null) {
                node.rule.propagate(node, node.grad);
            }
        }
    }

    /**
     * Adds one operation's share ∂root/∂out · ∂out/∂this to this node's gradient.
     *
     * @param contribution of the shape of this value
     * @param owned true when the contribution is a new matrix that no other node holds, so that it
     *     can become this node's gradient without a copy
     */
    void accumulate(Matrix contribution, boolean owned) {
        if (!contribution.sameShape(value)) {
            throw new IllegalStateException("backward: " + describe() + " of shape " + value.shape()
                    + " received a gradient of shape " + contribution.shape() + "; a backward rule is wrong");
        }
        if (grad == null) {
            grad = owned ? contribution : contribution.copy();
        } else {
            // += : a node that feeds several operations receives one share from each, and by the
            // multivariable chain rule its gradient is their sum (y = x·x gives 2x, y = x + x gives 2).
            grad.addScaledInPlace(contribution, 1.0);
        }
    }

    /**
     * Returns the nodes this one was computed from, itself included and last, each after all of
     * its parents. It walks the graph with an explicit stack, so a chain of any length fits.
     */
    public List<Tensor> topologicalOrder() {
        return topologicalOrder(this, false);
    }

    private static List<Tensor> topologicalOrder(Tensor root, boolean onlyRequiringGrad) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // Depth-first search: each frame is a node and the index of its next parent to visit; a
        // node joins the order when all its parents have, which is a post-order.
        Deque<Frame> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(new Frame(root));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.nextParent < top.node.parents.length) {
                Tensor parent = top.node.parents[top.nextParent++];
                if ((parent.requiresGrad || !onlyRequiringGrad) && visited.add(parent)) {
                    stack.push(new Frame(parent));
                }
            } else {
                stack.pop();
                order.add(top.node);
            }
        }
        return order;
    }

    private static final class Frame {
        final Tensor node;
        int nextParent;

        Frame(Tensor node) {
            this.node = node;
        }
    }

    // ---------------------------------------------------------------- gradients and tracking

    /**
     * Returns ∂root/∂this from the last {@link #backward()}, of the shape of this value: the
     * matrix itself, not a copy, so a later backward changes it. A node that requires a gradient
     * but has received none gives zeros.
     *
     * @throws IllegalStateException if this node requires no gradient
     */
    public Matrix grad() {
        if (!requiresGrad) {
            throw new IllegalStateException(describe() + " requires no gradient, so it has none");
        }
        return grad != null ? grad : Matrix.zeros(value.rows(), value.cols());
    }

    /** True when a backward pass has reached this node since its gradient was last reset. */
    public boolean hasGrad() {
        return grad != null;
    }

    /** Resets the gradient of this node and of every node it was computed from. */
    public void zeroGrad() {
        for (Tensor node : topologicalOrder(this, true)) {
            node.resetGrad();
        }
    }

    /** Forgets the gradient, keeping its matrix for {@link #gradBuffer} to hand out again. */
    private void resetGrad() {
        if (grad != null) {
            spareGrad = grad;
            grad = null;
        }
    }

    /**
     * Returns a matrix of the shape of the value, for a backward rule to write this node's first
     * gradient contribution into. It is the matrix of an earlier pass when there is one, so that a
     * graph run again on new data allocates no gradients, else a new one. Its entries are arbitrary.
     */
    Matrix gradBuffer() {
        Matrix buffer = grad == null ? spareGrad : null;
        if (buffer == null) {
            return Matrix.zeros(value.rows(), value.cols());
        }
        spareGrad = null;
        return buffer;
    }

    /** Returns a constant leaf holding the same value (not copied): the graph behind it is cut off. */
    public Tensor detach() {
        Tensor detached = new Tensor("detach", OptionalDouble.empty(), value, NO_PARENTS, null, false);
        detached.label = label;
        return detached;
    }

    /**
     * Runs {@code body} with gradient tracking off on this thread: the operations it performs
     * return bare values with no parents that require no gradient, as for evaluation.
     */
    public static <T> T withoutGrad(Supplier<T> body) {
        int[] depth = NO_GRAD_DEPTH.get();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }

    /** True unless this thread is inside {@link #withoutGrad}. */
    public static boolean isGradEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    // ---------------------------------------------------------------- accessors

    /** The value: the matrix itself, not a copy. */
    public Matrix value() {
        return value;
    }

    /** The operation that computed this node, such as {@code matmul}; {@code parameter} or {@code constant} for a leaf. */
    public String operation() {
        return operation;
    }

    /** The constant of {@code scale}, {@code addScalar} and {@code pow}; empty for other operations. */
    public OptionalDouble argument() {
        return argument;
    }

    /** The operands this node was computed from, in order; empty for a leaf. */
    public List<Tensor> parents() {
        return List.of(parents);
    }

    Tensor parent(int index) {
        return parents[index];
    }

    /** True for a node made by {@link #parameter}, {@link #constant} or {@link #detach}, or with tracking off. */
    public boolean isLeaf() {
        return parents.length == 0;
    }

    /** True when a parameter leads to this node, so that backward gives it a gradient. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** A number unique to this node in this JVM, increasing in the order nodes were made. */
    public long id() {
        return id;
    }

    /** The name given with {@link #labelled}, such as {@code w1} or {@code z2}. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** Names this node for messages and drawings, and returns it. */
    public Tensor labelled(String name) {
        this.label = name;
        return this;
    }

    private String describe() {
        return label != null ? "'" + label + "' (" + operation + ")" : operation;
    }

    /** The operation, label and shape, such as {@code Tensor[matmul, z1, (30x10)]}. */
    @Override
    public String toString() {
        return "Tensor[" + operation + (label != null ? ", " + label : "") + ", " + value.shape() + "]";
    }
}
