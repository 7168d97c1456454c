package org.lstmrepro.core.train;

/** Receives progress snapshots during training (on the training thread; keep it quick). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(TrainingProgress progress);

    /** Called after every epoch of a run trained by epochs (validation done); nothing by default. */
    default void onEpoch(EpochRecord epoch) {
    }
}
