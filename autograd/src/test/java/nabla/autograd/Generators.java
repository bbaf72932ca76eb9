package nabla.autograd;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import nabla.core.Matrix;
import org.quicktheories.core.Gen;

/** Generators of small shapes and matrices with entries in explicit ranges. */
final class Generators {

    private Generators() {
    }

    /** A (rows×cols) shape. */
    record Shape(int rows, int cols) {
    }

    /** Two operands of an element-wise operation. */
    record Pair(Matrix a, Matrix b) {
    }

    /** Entries for operations defined everywhere: moderate, so that exp and products stay well scaled. */
    static Gen<Double> anywhere() {
        return doubles().between(-2.0, 2.0);
    }

    /** Entries at least 0.2 from zero, on either side: away from relu's kink, safe as denominators. */
    static Gen<Double> awayFromZero() {
        return doubles().between(0.2, 2.0).zip(booleans().all(), (magnitude, negative) -> negative ? -magnitude : magnitude);
    }

    /** Entries in [0.2, 3], inside the domain of ln and of non-integer powers. */
    static Gen<Double> positive() {
        return doubles().between(0.2, 3.0);
    }

    /** Dimensions from 1 to 4. */
    static Gen<Integer> dimensions() {
        return integers().between(1, 4);
    }

    static Gen<Shape> shapes() {
        return dimensions().zip(dimensions(), Shape::new);
    }

    /** Generates (rows×cols) matrices with entries drawn from {@code entries}. */
    static Gen<Matrix> matrix(int rows, int cols, Gen<Double> entries) {
        return lists().of(entries).ofSize(rows * cols).map(values -> toMatrix(rows, cols, values));
    }

    /** Matrices of every shape up to (4×4). */
    static Gen<Matrix> matrices(Gen<Double> entries) {
        return shapes().flatMap(s -> matrix(s.rows(), s.cols(), entries));
    }

    /**
     * Generates an (r×c) operand and one that broadcasts against it, (r×c), (r×1), (1×c) or
     * (1×1), in either order. The first operand's entries come from {@code entriesA}, the second's from {@code entriesB}.
     */
    static Gen<Pair> broadcastPairs(Gen<Double> entriesA, Gen<Double> entriesB) {
        Gen<List<Shape>> orderedShapes = shapes().zip(integers().between(0, 3), booleans().all(), (full, kind, smallFirst) -> {
            Shape small = new Shape(kind == 1 || kind == 3 ? 1 : full.rows(), kind >= 2 ? 1 : full.cols());
            return smallFirst ? List.of(small, full) : List.of(full, small);
        });
        return orderedShapes.flatMap(shapes -> matrix(shapes.get(0).rows(), shapes.get(0).cols(), entriesA)
                .zip(matrix(shapes.get(1).rows(), shapes.get(1).cols(), entriesB), Pair::new));
    }

    private static Matrix toMatrix(int rows, int cols, List<Double> values) {
        double[] data = new double[rows * cols];
        for (int k = 0; k < data.length; k++) {
            data[k] = values.get(k);
        }
        return Matrix.wrap(rows, cols, data);
    }
}
