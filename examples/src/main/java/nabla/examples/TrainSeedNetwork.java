package nabla.examples;

import java.io.IOException;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.train.EpochResult;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;

/**
 * Trains the seed network, Network([784, 30, 10]), on the MNIST sample embedded in nabla and
 * prints the test accuracy after every epoch. Run it with
 * {@code java -cp examples/target/nabla.jar nabla.examples.TrainSeedNetwork}.
 */
public final class TrainSeedNetwork {

    private TrainSeedNetwork() {
    }

    public static void main(String[] args) throws IOException {
        DataSplit mnist = DataSplit.embeddedSample();
        Network network = new Network(new int[] {784, 30, 10}, 1);
        // 10 epochs, mini-batches of 10, η = 3.0, shuffle seed 1
        SgdOptions options = new SgdOptions(10, 10, 3.0, 1);

        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochFinished(EpochResult result) {
                System.out.printf("Epoch %d: %d / %d correct%n", result.epoch(), result.correct(), result.total());
            }
        };
        new Sgd(new MiniBatchBackprop()).train(network, mnist.training(), mnist.test(), options, printer);
    }
}
