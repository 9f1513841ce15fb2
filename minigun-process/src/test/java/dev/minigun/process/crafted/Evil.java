package dev.minigun.process.crafted;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/** A payload whose readObject leaves a mark: if a worker ever ran it, the marker file would exist. */
public final class Evil implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String marker;

    public Evil(String marker) {
        this.marker = marker;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(marker), "ran");
    }

    @Override
    public String toString() {
        return "Evil";
    }
}
