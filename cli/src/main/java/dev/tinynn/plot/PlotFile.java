package dev.tinynn.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.tinynn.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Where {@code --plot FILE} goes, and in which format: {@code .png} or {@code .svg}, told by the
 * name's ending. Charts are laid out side by side in one picture and written atomically (see
 * {@link AtomicFile}), so a failed write never leaves half a picture.
 */
public final class PlotFile {
    private static final String WHAT = "the plot";

    /** The picture formats {@code --plot} writes. */
    public enum Format {
        PNG, SVG
    }

    private final Path path;
    private final Format format;

    private PlotFile(Path path, Format format) {
        this.path = path;
        this.format = format;
    }

    /**
     * Checks {@code file} before any work is done: it names a .png or .svg file in a folder that
     * exists.
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static PlotFile check(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        Format format;
        if (name.endsWith(".png")) {
            format = Format.PNG;
        } else if (name.endsWith(".svg")) {
            format = Format.SVG;
        } else {
            throw new IllegalArgumentException("cannot plot to '" + dev.tinynn.io.TextFiles.oneLine(file) + "': the name must end in .png (a picture)"
                    + " or .svg (a drawing that scales), such as loss.png");
        }
        return new PlotFile(AtomicFile.checkWritable(file, WHAT, "loss.png"), format);
    }

    public Path path() {
        return path;
    }

    public Format format() {
        return format;
    }

    /** Writes the charts side by side, left to right, each at its own size. */
    public void write(List<XYChart> charts) throws IOException {
        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            write(batch, charts);
            batch.commit();
        }
    }

    /** Adds the picture to {@code batch}, which writes it with the run's other outputs. */
    public void write(AtomicFile.Batch batch, List<XYChart> charts) throws IOException {
        ChartStyle.headless();
        if (format == Format.PNG) {
            batch.add(path, WHAT, out -> BitmapEncoder.saveBitmap(charts, 1, charts.size(), out,
                    BitmapEncoder.BitmapFormat.PNG));
            return;
        }
        VectorGraphics2D g = new VectorGraphics2D();
        int width = 0;
        int height = 0;
        for (XYChart chart : charts) {
            g.translate(width, 0);
            chart.paint(g, chart.getWidth(), chart.getHeight());
            g.translate(-width, 0);
            width += chart.getWidth();
            height = Math.max(height, chart.getHeight());
        }
        PageSize page = new PageSize(0, 0, width, height);
        batch.add(path, WHAT, out -> new SVGProcessor().getDocument(g.getCommands(), page).writeTo(out));
    }
}
