package org.learninglog.api;

import java.util.Collection;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * `minLength` and `maxLength` count Unicode code points, as JSON Schema does and as the contract says; the
 * generated `@Size` would count UTF-16 units, so 3,000 emoji (6,000 units) failed a `maxLength` of 4,000.
 * Here `@Size` on text counts code points, and on lists and maps their elements, as before.
 */
@Singleton
public class CodePointLengths implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(false)
                .validatedBy(TextSize.class)
                .validatedBy(CollectionSize.class)
                .validatedBy(MapSize.class);
        configuration.addMapping(mapping);
    }

    /** The length of text as the contract counts it. */
    public static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    public static final class TextSize extends Bounded<CharSequence> {
        @Override
        int sizeOf(CharSequence value) {
            return length(value);
        }
    }

    public static final class CollectionSize extends Bounded<Collection<?>> {
        @Override
        int sizeOf(Collection<?> value) {
            return value.size();
        }
    }

    public static final class MapSize extends Bounded<Map<?, ?>> {
        @Override
        int sizeOf(Map<?, ?> value) {
            return value.size();
        }
    }

    abstract static class Bounded<T> implements ConstraintValidator<Size, T> {

        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            min = size.min();
            max = size.max();
        }

        @Override
        public boolean isValid(T value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int size = sizeOf(value);
            return size >= min && size <= max;
        }

        abstract int sizeOf(T value);
    }
}
