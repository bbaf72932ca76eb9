package nabla.train;

/**
 * What a checkpoint stores besides the network, so that training can resume exactly where it
 * stopped: {@link Sgd} replays the seeded shuffles of the completed epochs, which needs the
 * seed and the number of training examples, and continues with the same B and η.
 *
 * @param epochsCompleted the epochs trained so far, 0 or more
 * @param batchSize B, examples per mini-batch, at least 1
 * @param learningRate η, finite and positive
 * @param seed the seed of the shuffles
 * @param trainingExamples the size of the training set the epochs shuffled, 0 or more
 * @param weightDecay λ of the L2 weight decay, 0 for none
 */
public record TrainingState(int epochsCompleted, int batchSize, double learningRate, long seed,
        int trainingExamples, double weightDecay) {

    public TrainingState {
        if (epochsCompleted < 0) {
            throw new IllegalArgumentException("epochs completed " + epochsCompleted + ": expected 0 or more");
        }
        SgdOptions.checkBatchSize(batchSize);
        SgdOptions.checkLearningRate(learningRate);
        SgdOptions.checkWeightDecay(weightDecay);
        if (trainingExamples < 0) {
            throw new IllegalArgumentException("training examples " + trainingExamples + ": expected 0 or more");
        }
    }

    /** Creates a state without weight decay (λ = 0). */
    public TrainingState(int epochsCompleted, int batchSize, double learningRate, long seed, int trainingExamples) {
        this(epochsCompleted, batchSize, learningRate, seed, trainingExamples, 0.0);
    }

    /** Returns the state after {@code epochsCompleted} epochs of a run with {@code options}. */
    public static TrainingState after(int epochsCompleted, SgdOptions options, int trainingExamples) {
        return new TrainingState(epochsCompleted, options.batchSize(), options.learningRate(), options.seed(),
                trainingExamples, options.weightDecay());
    }

    /** Returns the options of a run that continues this one until {@code epochs} epochs in all. */
    public SgdOptions options(int epochs) {
        return new SgdOptions(epochs, batchSize, learningRate, seed, weightDecay);
    }
}
