package nabla.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nabla.core.Matrix;
import org.junit.jupiter.api.Test;

/** Tests how {@link Dataset} turns bytes into input columns and one-hot targets. */
class DatasetTest {

    /** Three images of two pixels: (0, 255), (51, 102), (255, 0); labels 2, 0, 1. */
    private final Dataset dataset = new Dataset("three", new byte[] {0, (byte) 255, 51, 102, (byte) 255, 0},
            new byte[] {2, 0, 1}, 2, 3);

    @Test
    void inputsScalePixelsToUnitInterval() {
        Matrix x = dataset.inputs(dataset.identityOrder(), 0, 3);

        assertEquals("(2x3)", x.shape());
        assertEquals(0.0, x.get(0, 0));
        assertEquals(1.0, x.get(1, 0));
        assertEquals(0.2, x.get(0, 1));
        assertEquals(0.4, x.get(1, 1));
        assertEquals(1.0, x.get(0, 2));
        assertEquals(0.0, x.get(1, 2));
    }

    @Test
    void inputsPlaceExampleOfOrderInItsColumn() {
        // Column j contains example order[from + j].
        Matrix x = dataset.inputs(new int[] {1, 2, 0}, 1, 3);

        assertEquals(Matrix.of(new double[][] {{1.0, 0.0}, {0.0, 1.0}}), x);
    }

    @Test
    void targetsAreOneHotColumns() {
        Matrix y = dataset.targets(dataset.identityOrder(), 0, 3, 4);

        assertEquals(Matrix.of(new double[][] {
            {0.0, 1.0, 0.0},
            {0.0, 0.0, 1.0},
            {1.0, 0.0, 0.0},
            {0.0, 0.0, 0.0}}), y);
    }

    @Test
    void targetsRejectOutputLayerSmallerThanClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dataset.targets(dataset.identityOrder(), 0, 3, 2));

        assertEquals("targets: an output layer of 2 neurons cannot name 3 classes; use at least 3", e.getMessage());
    }

    @Test
    void labelsFollowOrder() {
        assertArrayEquals(new int[] {1, 2}, dataset.labels(new int[] {2, 0, 1}, 0, 2));
    }

    @Test
    void constructorRejectsPartialImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("odd", new byte[5], new byte[3], 2, 10));

        assertEquals("odd: 5 pixel bytes do not make 3 images of 2 pixels", e.getMessage());
    }

    @Test
    void constructorRejectsLabelOutsideClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", new byte[2], new byte[] {0, 3}, 1, 3));

        assertEquals("bad: label 3 of example 1 is outside 0..2", e.getMessage());
    }

    @Test
    void headCopiesFirstExamples() {
        Dataset head = dataset.head(2);

        assertEquals(2, head.size());
        assertEquals(0, head.label(1));
        assertEquals(Matrix.of(new double[][] {{0.0, 0.2}, {1.0, 0.4}}), head.inputs(head.identityOrder(), 0, 2));
    }
}
