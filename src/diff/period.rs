//! Reading a period written in words ("30 days", "up to 13 months", "session") as a
//! length, so two periods can be compared. Anything else is not comparable.

/// The length of the first `NUMBER UNIT` in `text`, in seconds; `session` is zero.
/// Months count as 30 days and years as 365: close enough to order periods.
pub fn seconds(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let (Some(n), Some(unit)) = (number(pair[0]), unit(pair[1])) else {
            continue;
        };
        return Some(n.saturating_mul(unit));
    }
    if words.contains(&"session") {
        return Some(0);
    }
    None
}

fn number(word: &str) -> Option<u64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Ok(n) = word.parse::<u64>() {
        return Some(n);
    }
    if word == "a" || word == "an" {
        return Some(1);
    }
    WORDS
        .iter()
        .position(|w| *w == word)
        .and_then(|i| u64::try_from(i).ok())
}

fn unit(word: &str) -> Option<u64> {
    const DAY: u64 = 86_400;
    let singular = word.strip_suffix('s').unwrap_or(word);
    match singular {
        "second" => Some(1),
        "minute" => Some(60),
        "hour" => Some(3_600),
        "day" => Some(DAY),
        "week" => Some(7 * DAY),
        "month" => Some(30 * DAY),
        "year" => Some(365 * DAY),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::seconds;

    #[test]
    fn reads_common_periods() {
        assert_eq!(seconds("30 days"), Some(30 * 86_400));
        assert_eq!(seconds("up to 13 months"), Some(13 * 30 * 86_400));
        assert_eq!(
            seconds("two years after your last visit"),
            Some(2 * 365 * 86_400)
        );
        assert_eq!(seconds("a 13-month period"), Some(13 * 30 * 86_400));
        assert_eq!(seconds("session"), Some(0));
        assert_eq!(seconds("while your account is active"), None);
        assert!(seconds("1 year") > seconds("11 months"));
    }
}
