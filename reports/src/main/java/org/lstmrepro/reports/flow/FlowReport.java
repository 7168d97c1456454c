package org.lstmrepro.reports.flow;

import java.util.List;

/**
 * Everything a gradient-flow analysis measured, ready for {@link FlowPlots} and {@link FlowMarkdown}.
 *
 * @param taskDescription the task and its settings, e.g. {@code adding {length=100}}
 * @param settings        what the analysis ran on
 * @param models          one entry per model
 * @param exploding       the exploding-gradient study (may be empty)
 */
public record FlowReport(String taskDescription, FlowSettings settings, List<ModelFlow> models,
                         List<ExplodingCase> exploding) {
}
