package io.walbridge.app.common;

import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.function.Function;

/** Connects a view-model's field rule (text in, problem or null out) to ControlsFX's as-you-type decoration. */
public final class FieldRules {

    private FieldRules() {
    }

    public static void register(ValidationSupport support, TextInputControl field, Function<String, String> problem) {
        Validator<String> validator = (Control control, String value) -> {
            String why = problem.apply(value);
            return ValidationResult.fromErrorIf(control, why, why != null);
        };
        support.registerValidator(field, false, validator);
    }
}
