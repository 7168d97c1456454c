package org.lstmrepro.core.train;

/** Receives progress snapshots during training (on the training thread; keep it quick). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(TrainingProgress progress);
}
