package io.walbridge.app.wizard;

import io.walbridge.app.common.FieldRules;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Binds the endpoint fields (source or destination) to an {@link EndpointForm}, validating as the user types. */
public final class EndpointFormController {

    private final EndpointForm form;
    private final ValidationSupport validation = new ValidationSupport();
    @FXML private TextField host;
    @FXML private TextField port;
    @FXML private TextField database;
    @FXML private TextField user;
    @FXML private PasswordField password;
    @FXML private ComboBox<String> sslMode;
    @FXML private Label sslHint;

    public EndpointFormController(EndpointForm form) {
        this.form = form;
    }

    @FXML
    private void initialize() {
        host.textProperty().bindBidirectional(form.host);
        port.textProperty().bindBidirectional(form.port);
        database.textProperty().bindBidirectional(form.database);
        user.textProperty().bindBidirectional(form.user);
        password.textProperty().bindBidirectional(form.password);
        sslMode.getItems().setAll(EndpointForm.SSL_MODES);
        sslMode.valueProperty().bindBidirectional(form.sslMode);
        sslHint.textProperty().bind(Bindings.createStringBinding(() -> hint(form.sslMode.get()), form.sslMode));
        FieldRules.register(validation, host, EndpointForm::hostProblem);
        FieldRules.register(validation, port, EndpointForm::portProblem);
        FieldRules.register(validation, database, EndpointForm::databaseProblem);
        FieldRules.register(validation, user, EndpointForm::userProblem);
    }

    private static String hint(String mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case "verify-full" -> "Encrypted, and the server's certificate and host name are verified against your CA"
                    + " (choose it in the CA certificate step). Recommended.";
            case "verify-ca" -> "Encrypted, and the certificate chain is verified, but not the host name.";
            case "require" -> "Encrypted, but the server is not authenticated: verify it in the CA certificate step.";
            case "disable" -> "Unencrypted: passwords and data cross the network in clear.";
            default -> "TLS only if the server offers it: the connection may end up unencrypted.";
        };
    }
}
