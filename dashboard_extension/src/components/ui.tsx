// Small pieces in Macaw UI's look shared by the pages.
import { Box, Input as MacawInput, Text } from "@saleor/macaw-ui";
import { ChangeEvent, ComponentProps, ReactNode, useId } from "react";

/** Macaw UI's Input without the role="input" it sets (an abstract ARIA role,
 * which screen readers cannot use): the input keeps its native role. */
export function Input(props: ComponentProps<typeof MacawInput>) {
  return <MacawInput {...props} role={undefined} />;
}

export function Card({ children, title, actions, ...rest }: { children: ReactNode; title?: ReactNode; actions?: ReactNode } & Record<string, unknown>) {
  return (
    <Box
      as="section"
      backgroundColor="default1"
      borderColor="default1"
      borderStyle="solid"
      borderWidth={1}
      borderRadius={4}
      padding={5}
      display="flex"
      flexDirection="column"
      gap={3}
      className="oo-card"
      {...rest}
    >
      {(title || actions) && (
        <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
          {title && (
            <Text as="h2" size={5} fontWeight="bold">
              {title}
            </Text>
          )}
          {actions}
        </Box>
      )}
      {children}
    </Box>
  );
}

export type Option = { value: string; label: string };

/** A native <select> (keyboard- and test-friendly) in Macaw's input look. */
export function NativeSelect({
  label,
  value,
  options,
  onChange,
  name,
  disabled,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  name?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Text as="span" size={2} color="default2">
        <label htmlFor={id}>{label}</label>
      </Text>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        className="oo-select"
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Box>
  );
}

export function Badge({ children, tone = "default", ...rest }: { children: ReactNode; tone?: "default" | "critical" | "warning" | "success" | "info" } & Record<string, unknown>) {
  const backgrounds = { default: "default2", critical: "critical1", warning: "warning1", success: "success1", info: "info1" } as const;
  return (
    <Box
      as="span"
      display="inline-flex"
      alignItems="center"
      paddingX={2}
      paddingY={0.5}
      borderRadius={3}
      backgroundColor={backgrounds[tone]}
      {...rest}
    >
      <Text size={1} fontWeight="medium">
        {children}
      </Text>
    </Box>
  );
}

export function Notice({ tone, children, ...rest }: { tone: "critical" | "success" | "info"; children: ReactNode } & Record<string, unknown>) {
  const background = tone === "critical" ? "critical1" : tone === "success" ? "success1" : "info1";
  return (
    <Box role={tone === "critical" ? "alert" : "status"} backgroundColor={background} padding={3} borderRadius={3} {...rest}>
      <Text size={3}>{children}</Text>
    </Box>
  );
}

/** One item of a list of cards (a batch, a transfer proof, a design round):
 * a bordered <li>, its content stacked. */
export function ListItem({ children, ...rest }: { children: ReactNode } & Record<string, unknown>) {
  return (
    <Box
      as="li"
      display="flex"
      flexDirection="column"
      gap={2}
      padding={3}
      borderRadius={3}
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      backgroundColor="default1"
      {...rest}
    >
      {children}
    </Box>
  );
}
