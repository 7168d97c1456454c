package org.lstmrepro.reports.flow;

import java.util.Map;

/**
 * One network of the exploding-gradient study: its recurrent matrices scaled to a spectral radius, the
 * error-flow curve that results, and what global-norm clipping does to its weight gradients.
 *
 * @param label    for legends, e.g. {@code rnn, radius 1.5}
 * @param radii    spectral radius of each recurrent matrix after scaling
 * @param curve    the error signal against the lag
 * @param clipping gradient norms per sequence, before and after clipping
 */
public record ExplodingCase(String label, Map<String, Double> radii, FlowCurve curve, ClippingEffect clipping) {
}
