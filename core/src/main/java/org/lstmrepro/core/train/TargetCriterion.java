package org.lstmrepro.core.train;

/**
 * When the output at a step with a target counts as correct (a task's success criterion, e.g. the
 * 1997 adding problem's absolute error below 0.04). A sequence is processed correctly when every one
 * of its target steps is.
 */
@FunctionalInterface
public interface TargetCriterion {

    boolean isCorrect(double[] output, double[] target);
}
