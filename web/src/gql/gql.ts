/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Viewer {\n  viewer {\n    account {\n      id\n      email\n    }\n    roles\n    profile {\n      firstName\n      lastName\n    }\n    household {\n      id\n      name\n    }\n    toComplete {\n      section\n      childId\n      label\n      missingFields\n    }\n  }\n}\n\nmutation Login($email: String!, $password: String!, $rememberMe: Boolean!) {\n  login(email: $email, password: $password, rememberMe: $rememberMe) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation Logout {\n  logout {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ConfirmAccount($token: String!, $password: String!) {\n  confirmAccount(token: $token, password: $password) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ResetPassword($token: String!, $password: String!) {\n  resetPassword(token: $token, password: $password) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query Viewer {\n  viewer {\n    account {\n      id\n      email\n    }\n    roles\n    profile {\n      firstName\n      lastName\n    }\n    household {\n      id\n      name\n    }\n    toComplete {\n      section\n      childId\n      label\n      missingFields\n    }\n  }\n}\n\nmutation Login($email: String!, $password: String!, $rememberMe: Boolean!) {\n  login(email: $email, password: $password, rememberMe: $rememberMe) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation Logout {\n  logout {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ConfirmAccount($token: String!, $password: String!) {\n  confirmAccount(token: $token, password: $password) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ResetPassword($token: String!, $password: String!) {\n  resetPassword(token: $token, password: $password) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    account {\n      id\n      email\n    }\n    roles\n    profile {\n      firstName\n      lastName\n    }\n    household {\n      id\n      name\n    }\n    toComplete {\n      section\n      childId\n      label\n      missingFields\n    }\n  }\n}\n\nmutation Login($email: String!, $password: String!, $rememberMe: Boolean!) {\n  login(email: $email, password: $password, rememberMe: $rememberMe) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation Logout {\n  logout {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ConfirmAccount($token: String!, $password: String!) {\n  confirmAccount(token: $token, password: $password) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ResetPassword($token: String!, $password: String!) {\n  resetPassword(token: $token, password: $password) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    account {\n      id\n      email\n    }\n    roles\n    profile {\n      firstName\n      lastName\n    }\n    household {\n      id\n      name\n    }\n    toComplete {\n      section\n      childId\n      label\n      missingFields\n    }\n  }\n}\n\nmutation Login($email: String!, $password: String!, $rememberMe: Boolean!) {\n  login(email: $email, password: $password, rememberMe: $rememberMe) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation Logout {\n  logout {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ConfirmAccount($token: String!, $password: String!) {\n  confirmAccount(token: $token, password: $password) {\n    viewer {\n      account {\n        id\n        email\n      }\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation ResetPassword($token: String!, $password: String!) {\n  resetPassword(token: $token, password: $password) {\n    ok\n    errors {\n      field\n      code\n      message\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;