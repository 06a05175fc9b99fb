package org.kadlab.pkg;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Not a test: draws KadLab's application icon, XOR-distance rings around a lookup's target with a
 * few nodes on them and one lookup path spiralling in from the origin, and writes it as
 * {@code assets/icons/kadlab.svg} and {@code kadlab-N.png} for every size in {@link #SIZES}. The SVG
 * and the PNGs come from the same shapes. Below 48 px the drawing keeps only the outer ring, the
 * path and its ends, with strokes of at least a pixel or two so that it stays legible. Run when the
 * icon changes: {@code mvn -B -ntp test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kadlab.pkg.IconArt}.
 */
public final class IconArt {
    /** The sizes written, in pixels. */
    public static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};
    /** The side of the drawing in its own units. */
    static final double UNIT = 512;

    private static final String BG = "#1c1f24";
    private static final String EDGE = "#48515c";
    private static final String RING = "#6b7580";
    private static final String LIVE = "#c9d1da";
    private static final String ORIGIN = "#E69F00";
    private static final String HOP = "#56B4E9";
    private static final String TARGET = "#CC79A7";

    private static final double C = 256;
    private static final double[] RINGS = {200, 134, 70};

    /** A shape of the icon: a ring (stroked circle), a dot (filled circle) or the lookup path. */
    private sealed interface Shape permits Ring, Dot, PathLine {
    }

    private record Ring(double r, double width, String colour) implements Shape {
    }

    private record Dot(double x, double y, double r, String colour) implements Shape {
    }

    private record PathLine(double[] xy, double width, String colour) implements Shape {
    }

    private IconArt() {
    }

    private static double[] at(double radius, double degrees) {
        double a = Math.toRadians(degrees);
        return new double[] {C + radius * Math.cos(a), C - radius * Math.sin(a)};
    }

    /**
     * The shapes of the icon at {@code size} pixels, in drawing order, on the 512-unit canvas
     * (the background is drawn apart).
     */
    private static List<Shape> shapes(int size) {
        double px = UNIT / size;
        boolean small = size < 48;
        List<Shape> out = new ArrayList<>();
        for (int i = 0; i < RINGS.length; i++) {
            if (small && i > 0) {
                break;
            }
            double width = i == 0 ? 12 : 8;
            out.add(new Ring(RINGS[i], Math.max(width, (small ? 1.3 : 1) * px), i == 0 ? RING : EDGE));
        }
        double[] origin = at(RINGS[0], 225);
        double[] hop1 = at(RINGS[1], 310);
        double[] hop2 = at(RINGS[2], 60);
        if (!small) {
            double[][] live = {at(RINGS[0], 90), at(RINGS[0], 15), at(RINGS[0], 160), at(RINGS[0], 330),
                at(RINGS[1], 140), at(RINGS[1], 35), at(RINGS[1], 235)};
            for (double[] p : live) {
                out.add(new Dot(p[0], p[1], 17, LIVE));
            }
        }
        double[] path = small ? new double[] {origin[0], origin[1], hop1[0], hop1[1], C, C}
                : new double[] {origin[0], origin[1], hop1[0], hop1[1], hop2[0], hop2[1], C, C};
        out.add(new PathLine(path, Math.max(20, 1.5 * px), ORIGIN));
        if (!small) {
            out.add(new Dot(hop1[0], hop1[1], 24, HOP));
            out.add(new Dot(hop2[0], hop2[1], 24, HOP));
        }
        out.add(new Dot(origin[0], origin[1], Math.max(34, 1.9 * px), ORIGIN));
        out.add(new Dot(C, C, Math.max(40, 2.3 * px), TARGET));
        return out;
    }

    /** The icon as an SVG document (the full drawing, as at 512 px). */
    static String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" viewBox=\"0 0 512 512\">\n");
        s.append("  <title>KadLab</title>\n");
        s.append(String.format(Locale.ROOT,
                "  <rect x=\"16\" y=\"16\" width=\"480\" height=\"480\" rx=\"96\" fill=\"%s\" stroke=\"%s\" stroke-width=\"8\"/>%n",
                BG, EDGE));
        for (Shape shape : shapes(512)) {
            if (shape instanceof Ring r) {
                s.append(String.format(Locale.ROOT,
                        "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                        C, C, r.r(), r.colour(), r.width()));
            } else if (shape instanceof Dot d) {
                s.append(String.format(Locale.ROOT, "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n",
                        d.x(), d.y(), d.r(), d.colour()));
            } else if (shape instanceof PathLine p) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < p.xy().length; i += 2) {
                    points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", p.xy()[i], p.xy()[i + 1]));
                }
                s.append(String.format(Locale.ROOT,
                        "  <polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                                + "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>%n",
                        points, p.colour(), p.width()));
            }
        }
        return s.append("</svg>\n").toString();
    }

    /** The icon drawn at {@code size} x {@code size} pixels, transparent outside its rounded square. */
    static BufferedImage png(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / UNIT, size / UNIT);
            double px = UNIT / size;
            double inset = size < 48 ? 0 : 16;
            RoundRectangle2D.Double back = new RoundRectangle2D.Double(inset, inset, UNIT - 2 * inset, UNIT - 2 * inset, 96, 96);
            g.setColor(Color.decode(BG));
            g.fill(back);
            if (size >= 48) {
                g.setColor(Color.decode(EDGE));
                g.setStroke(new BasicStroke((float) Math.max(8, px)));
                g.draw(back);
            }
            for (Shape shape : shapes(size)) {
                if (shape instanceof Ring r) {
                    g.setColor(Color.decode(r.colour()));
                    g.setStroke(new BasicStroke((float) r.width()));
                    g.draw(new Ellipse2D.Double(C - r.r(), C - r.r(), 2 * r.r(), 2 * r.r()));
                } else if (shape instanceof Dot d) {
                    g.setColor(Color.decode(d.colour()));
                    g.fill(new Ellipse2D.Double(d.x() - d.r(), d.y() - d.r(), 2 * d.r(), 2 * d.r()));
                } else if (shape instanceof PathLine p) {
                    Path2D.Double line = new Path2D.Double();
                    line.moveTo(p.xy()[0], p.xy()[1]);
                    for (int i = 2; i < p.xy().length; i += 2) {
                        line.lineTo(p.xy()[i], p.xy()[i + 1]);
                    }
                    g.setColor(Color.decode(p.colour()));
                    g.setStroke(new BasicStroke((float) p.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(line);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the SVG and every PNG into {@code assets/icons} (or the directory given). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/icons");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kadlab.svg"), svg(), StandardCharsets.UTF_8);
        for (int size : SIZES) {
            ImageIO.write(png(size), "png", dir.resolve("kadlab-" + size + ".png").toFile());
        }
        System.out.println("wrote " + dir.resolve("kadlab.svg") + " and " + SIZES.length + " PNGs");
    }
}
