//! Figures people would rather look at, drawn on the server as SVG bars:
//! no script, and the same figures in a table beside each chart.

/// Height of the bars' area, in SVG units.
const PLOT_HEIGHT: u32 = 160;
/// Width of one bar and the gap after it.
const BAR: u32 = 36;
const GAP: u32 = 14;
/// Room under the bars for their labels.
const LABELS: u32 = 40;

/// One bar, placed.
#[derive(Debug, Clone)]
pub struct Bar {
    /// What it stands for ("Mar 2027", "Co-ops").
    pub label: String,
    /// Its value in words ("£1,200.00", "58").
    pub value: String,
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Height (at least 1, so a zero still shows).
    pub height: u32,
}

/// A bar chart with its title and a sentence saying what it shows.
#[derive(Debug, Clone)]
pub struct BarChart {
    /// The chart's accessible name.
    pub title: String,
    /// What it shows, in one sentence.
    pub summary: String,
    /// The bars, left to right.
    pub bars: Vec<Bar>,
    /// The drawing's width.
    pub width: u32,
    /// The drawing's height.
    pub height: u32,
    /// The label line's baseline.
    pub label_y: u32,
    /// Each bar's width.
    pub bar_width: u32,
}

impl BarChart {
    /// A chart of `items` (label, value, value in words), scaled to the largest.
    pub fn new(title: &str, summary: String, items: Vec<(String, i64, String)>) -> Self {
        let largest = items.iter().map(|(_, v, _)| *v).max().unwrap_or(0).max(1);
        let bars = items
            .into_iter()
            .zip(0u32..)
            .map(|((label, value, words), at)| {
                let scaled =
                    i128::from(value.max(0)) * i128::from(PLOT_HEIGHT) / i128::from(largest);
                let height = u32::try_from(scaled).unwrap_or(PLOT_HEIGHT).max(1);
                Bar {
                    label,
                    value: words,
                    x: GAP + at * (BAR + GAP),
                    y: PLOT_HEIGHT - height,
                    height,
                }
            })
            .collect::<Vec<_>>();
        let count = u32::try_from(bars.len()).unwrap_or(u32::MAX);
        Self {
            title: title.to_owned(),
            summary,
            width: GAP + count.saturating_mul(BAR + GAP),
            height: PLOT_HEIGHT + LABELS,
            label_y: PLOT_HEIGHT + 16,
            bar_width: BAR,
            bars,
        }
    }

    /// The middle of a bar, where its label sits.
    pub fn middle(&self, bar: &Bar) -> u32 {
        bar.x + self.bar_width / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_a_zero_still_shows() {
        let chart = BarChart::new(
            "Runway",
            "what is left".into(),
            vec![
                ("a".into(), 100, "100".into()),
                ("b".into(), 50, "50".into()),
                ("c".into(), 0, "0".into()),
            ],
        );
        let heights: Vec<u32> = chart.bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, vec![PLOT_HEIGHT, PLOT_HEIGHT / 2, 1]);
        assert_eq!(chart.bars[1].y, PLOT_HEIGHT / 2);
        assert!(chart.bars[2].x > chart.bars[1].x);
        assert_eq!(chart.width, GAP + 3 * (BAR + GAP));
    }
}
