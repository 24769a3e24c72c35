import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuthSession as _mindflow_identity_v1_AuthSession, AuthSession__Output as _mindflow_identity_v1_AuthSession__Output } from './mindflow/identity/v1/AuthSession.js';
import type { ClientInfo as _mindflow_identity_v1_ClientInfo, ClientInfo__Output as _mindflow_identity_v1_ClientInfo__Output } from './mindflow/identity/v1/ClientInfo.js';
import type { GetJwksRequest as _mindflow_identity_v1_GetJwksRequest, GetJwksRequest__Output as _mindflow_identity_v1_GetJwksRequest__Output } from './mindflow/identity/v1/GetJwksRequest.js';
import type { GetUserRequest as _mindflow_identity_v1_GetUserRequest, GetUserRequest__Output as _mindflow_identity_v1_GetUserRequest__Output } from './mindflow/identity/v1/GetUserRequest.js';
import type { IdentityServiceClient as _mindflow_identity_v1_IdentityServiceClient, IdentityServiceDefinition as _mindflow_identity_v1_IdentityServiceDefinition } from './mindflow/identity/v1/IdentityService.js';
import type { Jwk as _mindflow_identity_v1_Jwk, Jwk__Output as _mindflow_identity_v1_Jwk__Output } from './mindflow/identity/v1/Jwk.js';
import type { Jwks as _mindflow_identity_v1_Jwks, Jwks__Output as _mindflow_identity_v1_Jwks__Output } from './mindflow/identity/v1/Jwks.js';
import type { LoginRequest as _mindflow_identity_v1_LoginRequest, LoginRequest__Output as _mindflow_identity_v1_LoginRequest__Output } from './mindflow/identity/v1/LoginRequest.js';
import type { LogoutEverywhereRequest as _mindflow_identity_v1_LogoutEverywhereRequest, LogoutEverywhereRequest__Output as _mindflow_identity_v1_LogoutEverywhereRequest__Output } from './mindflow/identity/v1/LogoutEverywhereRequest.js';
import type { LogoutEverywhereResult as _mindflow_identity_v1_LogoutEverywhereResult, LogoutEverywhereResult__Output as _mindflow_identity_v1_LogoutEverywhereResult__Output } from './mindflow/identity/v1/LogoutEverywhereResult.js';
import type { LogoutRequest as _mindflow_identity_v1_LogoutRequest, LogoutRequest__Output as _mindflow_identity_v1_LogoutRequest__Output } from './mindflow/identity/v1/LogoutRequest.js';
import type { LogoutResult as _mindflow_identity_v1_LogoutResult, LogoutResult__Output as _mindflow_identity_v1_LogoutResult__Output } from './mindflow/identity/v1/LogoutResult.js';
import type { MeRequest as _mindflow_identity_v1_MeRequest, MeRequest__Output as _mindflow_identity_v1_MeRequest__Output } from './mindflow/identity/v1/MeRequest.js';
import type { RefreshRequest as _mindflow_identity_v1_RefreshRequest, RefreshRequest__Output as _mindflow_identity_v1_RefreshRequest__Output } from './mindflow/identity/v1/RefreshRequest.js';
import type { RegisterRequest as _mindflow_identity_v1_RegisterRequest, RegisterRequest__Output as _mindflow_identity_v1_RegisterRequest__Output } from './mindflow/identity/v1/RegisterRequest.js';
import type { User as _mindflow_identity_v1_User, User__Output as _mindflow_identity_v1_User__Output } from './mindflow/identity/v1/User.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mindflow: {
    identity: {
      v1: {
        AuthSession: MessageTypeDefinition<_mindflow_identity_v1_AuthSession, _mindflow_identity_v1_AuthSession__Output>
        ClientInfo: MessageTypeDefinition<_mindflow_identity_v1_ClientInfo, _mindflow_identity_v1_ClientInfo__Output>
        GetJwksRequest: MessageTypeDefinition<_mindflow_identity_v1_GetJwksRequest, _mindflow_identity_v1_GetJwksRequest__Output>
        GetUserRequest: MessageTypeDefinition<_mindflow_identity_v1_GetUserRequest, _mindflow_identity_v1_GetUserRequest__Output>
        IdentityService: SubtypeConstructor<typeof grpc.Client, _mindflow_identity_v1_IdentityServiceClient> & { service: _mindflow_identity_v1_IdentityServiceDefinition }
        Jwk: MessageTypeDefinition<_mindflow_identity_v1_Jwk, _mindflow_identity_v1_Jwk__Output>
        Jwks: MessageTypeDefinition<_mindflow_identity_v1_Jwks, _mindflow_identity_v1_Jwks__Output>
        LoginRequest: MessageTypeDefinition<_mindflow_identity_v1_LoginRequest, _mindflow_identity_v1_LoginRequest__Output>
        LogoutEverywhereRequest: MessageTypeDefinition<_mindflow_identity_v1_LogoutEverywhereRequest, _mindflow_identity_v1_LogoutEverywhereRequest__Output>
        LogoutEverywhereResult: MessageTypeDefinition<_mindflow_identity_v1_LogoutEverywhereResult, _mindflow_identity_v1_LogoutEverywhereResult__Output>
        LogoutRequest: MessageTypeDefinition<_mindflow_identity_v1_LogoutRequest, _mindflow_identity_v1_LogoutRequest__Output>
        LogoutResult: MessageTypeDefinition<_mindflow_identity_v1_LogoutResult, _mindflow_identity_v1_LogoutResult__Output>
        MeRequest: MessageTypeDefinition<_mindflow_identity_v1_MeRequest, _mindflow_identity_v1_MeRequest__Output>
        RefreshRequest: MessageTypeDefinition<_mindflow_identity_v1_RefreshRequest, _mindflow_identity_v1_RefreshRequest__Output>
        RegisterRequest: MessageTypeDefinition<_mindflow_identity_v1_RegisterRequest, _mindflow_identity_v1_RegisterRequest__Output>
        User: MessageTypeDefinition<_mindflow_identity_v1_User, _mindflow_identity_v1_User__Output>
      }
    }
  }
}

