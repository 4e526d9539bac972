package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.wix.BuildRequest;

import java.util.ArrayList;
import java.util.List;

/** ICE names given to {@code -sice} ({@code sspr build}, {@code sspr validate}), in the validator's spelling. */
public final class IceNames {
    private IceNames() {}

    /** Each name as {@code ICE18}; anything that is not an ICE name is a usage error naming the option. */
    public static List<String> parse(String option, List<String> written) {
        List<String> out = new ArrayList<>();
        for (String w : written) {
            out.add(BuildRequest.iceName(w).orElseThrow(() -> new InvalidValueException(
                    option + " takes an ICE name such as ICE18, not '" + w + "'")));
        }
        return out;
    }
}
