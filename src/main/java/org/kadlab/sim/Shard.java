package org.kadlab.sim;

/**
 * One of N parts of a sweep, so that the parts can run on different machines (a Slurm array job, a
 * Kubernetes indexed Job) and be merged into the table one whole run prints. Units of work are
 * dealt round-robin: shard i of n (1-based) takes the units u with u mod n = i - 1.
 *
 * @param index which part, 1..count
 * @param count how many parts
 */
public record Shard(int index, int count) {
    /** The whole sweep as one part. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("--shard: the number of shards must be between 1 and 100000, was " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("--shard: the shard must be between 1 and " + count + ", was " + index);
        }
    }

    /** Parses "I/N", e.g. "2/3"; the message names the option. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 1 || slash == t.length() - 1) {
            throw new IllegalArgumentException("--shard: must be I/N, e.g. 2/3, was '" + t + "'");
        }
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: must be I/N with whole numbers, e.g. 2/3, was '" + t + "'");
        }
    }

    /** Whether unit {@code u} (from 0) belongs to this shard. */
    public boolean includes(int u) {
        return u % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
