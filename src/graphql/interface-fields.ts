import { Kind, visit, type DocumentNode, type FieldDefinitionNode, type InterfaceTypeDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/**
 * GraphQL makes every type repeat the fields of the interfaces it implements. The SDL files
 * write them once, on the interface; this copies them (with their descriptions and arguments)
 * into each implementing type, before the type's own fields, so the docs pane shows them all.
 */
export function inheritInterfaceFields(document: DocumentNode): DocumentNode {
  const interfaces = new Map<string, readonly FieldDefinitionNode[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      interfaces.set(definition.name.value, (definition as InterfaceTypeDefinitionNode).fields ?? []);
    }
  }
  return visit(document, {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (!node.interfaces?.length) return undefined;
      const own = node.fields ?? [];
      const names = new Set(own.map((f) => f.name.value));
      const inherited = node.interfaces
        .flatMap((i) => interfaces.get(i.name.value) ?? [])
        .filter((field) => !names.has(field.name.value) && names.add(field.name.value));
      return { ...node, fields: [...inherited, ...own] };
    },
  });
}
