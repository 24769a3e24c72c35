// Original file: mindflow/identity/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthSession as _mindflow_identity_v1_AuthSession, AuthSession__Output as _mindflow_identity_v1_AuthSession__Output } from '../../../mindflow/identity/v1/AuthSession.js';
import type { GetJwksRequest as _mindflow_identity_v1_GetJwksRequest, GetJwksRequest__Output as _mindflow_identity_v1_GetJwksRequest__Output } from '../../../mindflow/identity/v1/GetJwksRequest.js';
import type { GetUserRequest as _mindflow_identity_v1_GetUserRequest, GetUserRequest__Output as _mindflow_identity_v1_GetUserRequest__Output } from '../../../mindflow/identity/v1/GetUserRequest.js';
import type { Jwks as _mindflow_identity_v1_Jwks, Jwks__Output as _mindflow_identity_v1_Jwks__Output } from '../../../mindflow/identity/v1/Jwks.js';
import type { LoginRequest as _mindflow_identity_v1_LoginRequest, LoginRequest__Output as _mindflow_identity_v1_LoginRequest__Output } from '../../../mindflow/identity/v1/LoginRequest.js';
import type { LogoutEverywhereRequest as _mindflow_identity_v1_LogoutEverywhereRequest, LogoutEverywhereRequest__Output as _mindflow_identity_v1_LogoutEverywhereRequest__Output } from '../../../mindflow/identity/v1/LogoutEverywhereRequest.js';
import type { LogoutEverywhereResult as _mindflow_identity_v1_LogoutEverywhereResult, LogoutEverywhereResult__Output as _mindflow_identity_v1_LogoutEverywhereResult__Output } from '../../../mindflow/identity/v1/LogoutEverywhereResult.js';
import type { LogoutRequest as _mindflow_identity_v1_LogoutRequest, LogoutRequest__Output as _mindflow_identity_v1_LogoutRequest__Output } from '../../../mindflow/identity/v1/LogoutRequest.js';
import type { LogoutResult as _mindflow_identity_v1_LogoutResult, LogoutResult__Output as _mindflow_identity_v1_LogoutResult__Output } from '../../../mindflow/identity/v1/LogoutResult.js';
import type { MeRequest as _mindflow_identity_v1_MeRequest, MeRequest__Output as _mindflow_identity_v1_MeRequest__Output } from '../../../mindflow/identity/v1/MeRequest.js';
import type { RefreshRequest as _mindflow_identity_v1_RefreshRequest, RefreshRequest__Output as _mindflow_identity_v1_RefreshRequest__Output } from '../../../mindflow/identity/v1/RefreshRequest.js';
import type { RegisterRequest as _mindflow_identity_v1_RegisterRequest, RegisterRequest__Output as _mindflow_identity_v1_RegisterRequest__Output } from '../../../mindflow/identity/v1/RegisterRequest.js';
import type { User as _mindflow_identity_v1_User, User__Output as _mindflow_identity_v1_User__Output } from '../../../mindflow/identity/v1/User.js';

export interface IdentityServiceClient extends grpc.Client {
  GetJwks(argument: _mindflow_identity_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mindflow_identity_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mindflow_identity_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mindflow_identity_v1_GetJwksRequest, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mindflow_identity_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mindflow_identity_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mindflow_identity_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mindflow_identity_v1_GetJwksRequest, callback: grpc.requestCallback<_mindflow_identity_v1_Jwks__Output>): grpc.ClientUnaryCall;
  
  GetUser(argument: _mindflow_identity_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mindflow_identity_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mindflow_identity_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mindflow_identity_v1_GetUserRequest, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mindflow_identity_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mindflow_identity_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mindflow_identity_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mindflow_identity_v1_GetUserRequest, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _mindflow_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Login(argument: _mindflow_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Login(argument: _mindflow_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Login(argument: _mindflow_identity_v1_LoginRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  login(argument: _mindflow_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  login(argument: _mindflow_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  login(argument: _mindflow_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  login(argument: _mindflow_identity_v1_LoginRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _mindflow_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mindflow_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mindflow_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mindflow_identity_v1_LogoutRequest, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  logout(argument: _mindflow_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  logout(argument: _mindflow_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  logout(argument: _mindflow_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  logout(argument: _mindflow_identity_v1_LogoutRequest, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutResult__Output>): grpc.ClientUnaryCall;
  
  LogoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  LogoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  LogoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  LogoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  logoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  logoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  logoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  logoutEverywhere(argument: _mindflow_identity_v1_LogoutEverywhereRequest, callback: grpc.requestCallback<_mindflow_identity_v1_LogoutEverywhereResult__Output>): grpc.ClientUnaryCall;
  
  Me(argument: _mindflow_identity_v1_MeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Me(argument: _mindflow_identity_v1_MeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Me(argument: _mindflow_identity_v1_MeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Me(argument: _mindflow_identity_v1_MeRequest, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  me(argument: _mindflow_identity_v1_MeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  me(argument: _mindflow_identity_v1_MeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  me(argument: _mindflow_identity_v1_MeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  me(argument: _mindflow_identity_v1_MeRequest, callback: grpc.requestCallback<_mindflow_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  Refresh(argument: _mindflow_identity_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mindflow_identity_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mindflow_identity_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mindflow_identity_v1_RefreshRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mindflow_identity_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mindflow_identity_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mindflow_identity_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mindflow_identity_v1_RefreshRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _mindflow_identity_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Register(argument: _mindflow_identity_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Register(argument: _mindflow_identity_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  Register(argument: _mindflow_identity_v1_RegisterRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  register(argument: _mindflow_identity_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  register(argument: _mindflow_identity_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  register(argument: _mindflow_identity_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  register(argument: _mindflow_identity_v1_RegisterRequest, callback: grpc.requestCallback<_mindflow_identity_v1_AuthSession__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  GetJwks: grpc.handleUnaryCall<_mindflow_identity_v1_GetJwksRequest__Output, _mindflow_identity_v1_Jwks>;
  
  GetUser: grpc.handleUnaryCall<_mindflow_identity_v1_GetUserRequest__Output, _mindflow_identity_v1_User>;
  
  Login: grpc.handleUnaryCall<_mindflow_identity_v1_LoginRequest__Output, _mindflow_identity_v1_AuthSession>;
  
  Logout: grpc.handleUnaryCall<_mindflow_identity_v1_LogoutRequest__Output, _mindflow_identity_v1_LogoutResult>;
  
  LogoutEverywhere: grpc.handleUnaryCall<_mindflow_identity_v1_LogoutEverywhereRequest__Output, _mindflow_identity_v1_LogoutEverywhereResult>;
  
  Me: grpc.handleUnaryCall<_mindflow_identity_v1_MeRequest__Output, _mindflow_identity_v1_User>;
  
  Refresh: grpc.handleUnaryCall<_mindflow_identity_v1_RefreshRequest__Output, _mindflow_identity_v1_AuthSession>;
  
  Register: grpc.handleUnaryCall<_mindflow_identity_v1_RegisterRequest__Output, _mindflow_identity_v1_AuthSession>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  GetJwks: MethodDefinition<_mindflow_identity_v1_GetJwksRequest, _mindflow_identity_v1_Jwks, _mindflow_identity_v1_GetJwksRequest__Output, _mindflow_identity_v1_Jwks__Output>
  GetUser: MethodDefinition<_mindflow_identity_v1_GetUserRequest, _mindflow_identity_v1_User, _mindflow_identity_v1_GetUserRequest__Output, _mindflow_identity_v1_User__Output>
  Login: MethodDefinition<_mindflow_identity_v1_LoginRequest, _mindflow_identity_v1_AuthSession, _mindflow_identity_v1_LoginRequest__Output, _mindflow_identity_v1_AuthSession__Output>
  Logout: MethodDefinition<_mindflow_identity_v1_LogoutRequest, _mindflow_identity_v1_LogoutResult, _mindflow_identity_v1_LogoutRequest__Output, _mindflow_identity_v1_LogoutResult__Output>
  LogoutEverywhere: MethodDefinition<_mindflow_identity_v1_LogoutEverywhereRequest, _mindflow_identity_v1_LogoutEverywhereResult, _mindflow_identity_v1_LogoutEverywhereRequest__Output, _mindflow_identity_v1_LogoutEverywhereResult__Output>
  Me: MethodDefinition<_mindflow_identity_v1_MeRequest, _mindflow_identity_v1_User, _mindflow_identity_v1_MeRequest__Output, _mindflow_identity_v1_User__Output>
  Refresh: MethodDefinition<_mindflow_identity_v1_RefreshRequest, _mindflow_identity_v1_AuthSession, _mindflow_identity_v1_RefreshRequest__Output, _mindflow_identity_v1_AuthSession__Output>
  Register: MethodDefinition<_mindflow_identity_v1_RegisterRequest, _mindflow_identity_v1_AuthSession, _mindflow_identity_v1_RegisterRequest__Output, _mindflow_identity_v1_AuthSession__Output>
}
