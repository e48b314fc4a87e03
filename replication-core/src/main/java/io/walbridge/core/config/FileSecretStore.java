package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Secrets in one properties file that only its owner may read (mode 600 on POSIX systems): the store wherever no
 * desktop keyring is usable (see {@link SecretStores}). On Windows the file sits in the user's own %APPDATA% folder,
 * which other users cannot read by default.
 */
public final class FileSecretStore implements SecretStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public FileSecretStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public String where() {
        return "the file " + file + ", which only you can read";
    }

    @Override
    public synchronized Optional<Secret> get(String key) {
        String value = load().getProperty(key);
        return value == null ? Optional.empty() : Optional.of(new Secret(value));
    }

    @Override
    public synchronized void put(String key, Secret secret) {
        Properties all = load();
        if (secret == null || !secret.isPresent()) {
            all.remove(key);
        } else {
            all.setProperty(key, secret.value());
        }
        save(all);
    }

    @Override
    public synchronized void remove(String key) {
        Properties all = load();
        if (all.remove(key) != null) {
            save(all);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (!Files.exists(file)) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UserFacingException("the secrets file " + file + " cannot be read: " + e.getMessage(),
                    "check that the file belongs to you and is readable (chmod 600 " + file + ")", e);
        }
    }

    private void save(Properties all) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir, ownerOnly(OWNER_DIR));
            // written to a private temporary file, then moved: the secrets are never readable by others, not even
            // for an instant, and a crash half-way leaves the old file whole
            Path tmp = Files.createTempFile(dir, ".secrets", ".tmp", ownerOnly(OWNER_ONLY));
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                all.store(out, "WalBridge secrets: keep this file private");
            }
            move(tmp, file);
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UserFacingException("the secrets file " + file + " cannot be written: " + e.getMessage(),
                    "check that the folder " + dir + " exists, belongs to you and has free space", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
