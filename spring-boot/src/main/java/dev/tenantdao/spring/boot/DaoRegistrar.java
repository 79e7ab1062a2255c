package dev.tenantdao.spring.boot;

import dev.tenantdao.annotations.internal.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;

/**
 * Registers every DAO listed in the processor's indexes on the class path ({@code
 * META-INF/tenantdao/daos}) as a singleton bean named by its class, unless a bean of that name exists,
 * as a fallback: a bean of the same type the application defines itself is the one injected;
 * Spring builds each through its one {@code @Inject} constructor, with the {@code Database} bean.
 */
public final class DaoRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

    private ClassLoader classLoader = DaoRegistrar.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String dao : daos()) {
            if (!registry.containsBeanDefinition(dao)) {
                GenericBeanDefinition definition = new GenericBeanDefinition();
                definition.setBeanClassName(dao);
                // a DAO bean the application defines itself (any name) wins over this one for injection
                definition.setFallback(true);
                registry.registerBeanDefinition(dao, definition);
            }
        }
    }

    /** Every DAO of every index on the class path, once. */
    Set<String> daos() {
        Set<String> daos = new TreeSet<>();
        try {
            Enumeration<URL> indexes = classLoader.getResources(Wire.DAO_INDEX);
            while (indexes.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(indexes.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(daos::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the tenantdao DAO indexes failed", e);
        }
        return daos;
    }
}
